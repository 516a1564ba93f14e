import 'server-only';
import { lastCreditOutcomes } from '@/db/queries/credit';
import type { TrackerDeps } from './deps';

/** While paused, the balance is asked this often (compressed like the documented waits in tests). */
const CHECK_MS = 30_000;
const MIN_CHECK_MS = 500;

/**
 * `sending`: normal. `paused`: a send was refused for lack of credit; nothing is sent, the balance is asked
 * slowly. `probing`: the balance is back (or cannot be read), sends go out again; the first one the service
 * accepts ends the pause, another 402 goes back to `paused` without failing its clip.
 */
type Phase = 'sending' | 'paused' | 'probing';
type PauseState = { phase: Phase; since: Date | undefined; nextCheckAt: number; loaded?: Promise<void> };

// On globalThis: the sweeper (instrumentation) and the route handlers may be separate module instances.
const holder = globalThis as typeof globalThis & { __wanCreditPause?: PauseState };
const fresh = (): PauseState => ({ phase: 'sending', since: undefined, nextCheckAt: 0 });
const state = (): PauseState => (holder.__wanCreditPause ??= fresh());

function checkEveryMs(pollScale: number): number {
  return Math.max(MIN_CHECK_MS, CHECK_MS * pollScale);
}

/**
 * After a restart the pause is rebuilt from the rows: when the newest credit failure is later than the newest
 * send the service accepted, sending starts paused, and its first balance check (at once) decides.
 */
function ensureLoaded(): Promise<void> {
  const current = state();
  current.loaded ??= lastCreditOutcomes().then(
    ({ refusedAt, acceptedAt }) => {
      if (current.phase !== 'sending' || !refusedAt || (acceptedAt && acceptedAt >= refusedAt)) return;
      Object.assign(current, { phase: 'paused', since: refusedAt, nextCheckAt: 0 });
    },
    (error: unknown) => {
      // A database that did not answer is asked again next time, not remembered as failed for good.
      current.loaded = undefined;
      throw error;
    },
  );
  return current.loaded;
}

/**
 * The dispatcher asks this before each pass: true while sending is paused for lack of credit. When a check is
 * due it reads the balance afresh; a balance above zero (or none readable) resumes sending.
 */
export async function sendingPaused(deps: Pick<TrackerDeps, 'now' | 'pollScale' | 'balanceUsd'>): Promise<boolean> {
  await ensureLoaded();
  const current = state();
  if (current.phase !== 'paused') return false;
  const now = deps.now().getTime();
  if (now < current.nextCheckAt) return true;
  current.nextCheckAt = now + checkEveryMs(deps.pollScale);
  const usd = await deps.balanceUsd?.({ fresh: true });
  if (usd !== undefined && usd <= 0) return true;
  if (current.phase === 'paused') Object.assign(current, { phase: 'probing', since: undefined });
  return false;
}

/**
 * A send was refused with 402. The first refusal since the service last accepted a send is the clip's failure
 * (`fail`: the person is told); any other, during a pause or a probe, puts its clip back in the queue (`requeue`).
 */
export function creditRefused(now: Date, pollScale: number): 'fail' | 'requeue' {
  const current = state();
  const first = current.phase === 'sending';
  Object.assign(current, { phase: 'paused', since: first ? now : (current.since ?? now), nextCheckAt: now.getTime() + checkEveryMs(pollScale) });
  return first ? 'fail' : 'requeue';
}

/** The service accepted a send: whatever pause there was is over. */
export function sendAccepted(): void {
  const current = state();
  if (current.phase !== 'sending') Object.assign(current, { phase: 'sending', since: undefined });
}

/** For the studio's banner: is sending paused for lack of credit, and since when. */
export async function creditPauseStatus(): Promise<{ paused: boolean; since: Date | undefined }> {
  await ensureLoaded();
  const { phase, since } = state();
  return { paused: phase === 'paused', since: phase === 'paused' ? since : undefined };
}

/** Tests only: forget the pause, as a new process would (it is rebuilt from the rows on next use). */
export function forgetCreditPause(): void {
  holder.__wanCreditPause = fresh();
}
