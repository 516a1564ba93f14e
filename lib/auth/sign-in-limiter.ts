import 'server-only';
import { createHash } from 'node:crypto';
import { forgiveAttempt, pruneThrottle, reserveAttempt, type DelayRule } from '@/db/queries/auth-throttle';
import { deviceHashBudget, hashBudget, type HashBudget, type KeyedHashBudget } from './hash-budget';

export type SignInAttempt = { limited: true; retryAfterMs: number } | { limited: 'busy' } | { limited: false; succeeded: () => void };

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * No hard lock: a few free failures, then each failure doubles the wait before the next attempt. The
 * account alone stays capped at 30 s, so failures from elsewhere never keep its owner out for long; the
 * pairs with an address (known only behind a trusted proxy) may grow to 15 minutes. A browser holding a
 * device cookie for the account (it signed in there before) counts only on its own generous key.
 */
export const signInRules = {
  accountAndAddress: { free: 5, baseMs: SECOND, maxMs: 15 * MINUTE },
  address: { free: 20, baseMs: SECOND, maxMs: 15 * MINUTE },
  account: { free: 5, baseMs: SECOND, maxMs: 30 * SECOND },
  device: { free: 10, baseMs: SECOND, maxMs: 15 * MINUTE },
} as const;

/** A counter that sees no failure for an hour starts again from zero (longer than any delay). */
const QUIET_MS = 60 * MINUTE;

// Emails are hashed in the keys: the table should not become a list of every address someone tried.
const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

export type SignInLimiterOptions = { now?: () => number; budget?: HashBudget; deviceBudget?: KeyedHashBudget };

/** Counters in SQLite (auth_throttle): they hold across restarts and across every request of the process. */
export function createSignInLimiter({ now = () => Date.now(), budget = hashBudget, deviceBudget = deviceHashBudget }: SignInLimiterOptions = {}) {
  let calls = 0;

  function rulesFor(email: string, ip: string | undefined): { pair?: DelayRule; address?: DelayRule; account: DelayRule } {
    const account = digest(email.trim().toLowerCase());
    return {
      pair: ip === undefined ? undefined : { key: `signin:pair:${account}:${ip}`, ...signInRules.accountAndAddress },
      address: ip === undefined ? undefined : { key: `signin:ip:${ip}`, ...signInRules.address },
      account: { key: `signin:account:${account}`, ...signInRules.account },
    };
  }

  /**
   * `ip` undefined: the address is unknown (no trusted proxy), so only the per-account delay applies.
   * `device`: the id of a device cookie already verified for this email; strangers' failures and floods,
   * which never carry one, then neither delay the attempt nor spend its hash budget.
   */
  function begin({ email, ip, device }: { email: string; ip: string | undefined; device?: string }): SignInAttempt {
    const at = now();
    calls += 1;
    if (calls % 500 === 0) pruneThrottle({ before: at - 24 * QUIET_MS });
    if (device !== undefined) return beginOnDevice(device, email.trim().toLowerCase(), at);
    const { pair, address, account } = rulesFor(email, ip);
    const rules = [pair, address, account].filter((rule) => rule !== undefined);
    const reserved = reserveAttempt({ rules, now: at, quietMs: QUIET_MS, admit: () => budget.take() });
    if (!reserved.ok) return 'busy' in reserved ? { limited: 'busy' } : { limited: true, retryAfterMs: reserved.waitMs };
    return {
      limited: false,
      succeeded() {
        forgiveAttempt({ clear: pair ? [pair.key] : [], refund: [address, account].filter((rule) => rule !== undefined) });
      },
    };
  }

  function beginOnDevice(device: string, email: string, at: number): SignInAttempt {
    const rule: DelayRule = { key: `signin:device:${digest(device)}`, ...signInRules.device };
    const reserved = reserveAttempt({ rules: [rule], now: at, quietMs: QUIET_MS, admit: () => deviceBudget.take(digest(email)) });
    if (!reserved.ok) return 'busy' in reserved ? { limited: 'busy' } : { limited: true, retryAfterMs: reserved.waitMs };
    return { limited: false, succeeded: () => forgiveAttempt({ clear: [rule.key], refund: [] }) };
  }

  return { begin };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

export const signInLimiter = createSignInLimiter();
