import 'server-only';
import { getEnv } from '@/lib/env';
import { readBalanceUsd } from './balance';

/** N tabs and N starts share one upstream call in this window. */
const CACHE_MS = 15_000;
/** The balance is a nicety: it never waits as long as a create may. */
const MAX_TIMEOUT_MS = 5_000;

type Cached = { at: number; usd: number | undefined };
const holder = globalThis as typeof globalThis & { __wanBalance?: { cached?: Cached; inflight?: Promise<number | undefined> } };
const state = (holder.__wanBalance ??= {});

/**
 * The key's balance in USD (undefined when the service answers nothing usable), read at most once per
 * 15 s for the whole process, one call in flight at a time; `fresh` asks again now (the credit pause's check).
 */
export async function currentBalanceUsd({ fresh = false }: { fresh?: boolean } = {}): Promise<number | undefined> {
  const { cached } = state;
  if (!fresh && cached && Date.now() - cached.at < CACHE_MS) return cached.usd;
  state.inflight ??= (async () => {
    const { wan } = getEnv();
    try {
      const usd = await readBalanceUsd({ baseUrl: wan.baseUrl, apiKey: wan.apiKey, timeoutMs: Math.min(wan.timeoutMs, MAX_TIMEOUT_MS) });
      state.cached = { at: Date.now(), usd };
      return usd;
    } finally {
      state.inflight = undefined;
    }
  })();
  return state.inflight;
}
