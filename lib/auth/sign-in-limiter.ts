import 'server-only';

export type SignInAttempt = { limited: true; retryAfterMs: number } | { limited: false; succeeded: () => void };

export type SignInLimiterOptions = {
  windowMs?: number;
  maxPerEmail?: number;
  maxPerIp?: number;
  maxKeys?: number;
  now?: () => number;
};

/** Failed sign-ins per email and per IP in a sliding window; an attempt counts as failed until `succeeded()`, so parallel requests cannot all pass the check while bcrypt runs. */
export function createSignInLimiter({
  windowMs = 15 * 60_000,
  maxPerEmail = 5,
  maxPerIp = 20,
  maxKeys = 10_000,
  now = Date.now,
}: SignInLimiterOptions = {}) {
  // Key → failure times, oldest first; Map order is least recently touched first.
  const failures = new Map<string, number[]>();

  function recent(key: string, at: number): number[] {
    const times = failures.get(key);
    if (!times) return [];
    while (times.length > 0 && (times[0] ?? 0) <= at - windowMs) times.shift();
    if (times.length === 0) failures.delete(key);
    return times;
  }

  function makeRoom(at: number) {
    if (failures.size < maxKeys) return;
    for (const key of [...failures.keys()]) recent(key, at);
    // Still full of live keys: forget the least recently touched ones.
    for (const key of failures.keys()) {
      if (failures.size < maxKeys) break;
      failures.delete(key);
    }
  }

  function record(key: string, at: number) {
    const times = recent(key, at);
    failures.delete(key);
    if (times.length === 0) makeRoom(at);
    failures.set(key, [...times, at]);
  }

  /** `ip` undefined: the address is unknown (no trusted proxy), so only the per-email limit applies. */
  function begin({ email, ip }: { email: string; ip: string | undefined }): SignInAttempt {
    const at = now();
    const emailKey = `email:${email.trim().toLowerCase()}`;
    const ipKey = ip === undefined ? undefined : `ip:${ip}`;
    const waits = [waitFor(recent(emailKey, at), maxPerEmail, at), ipKey ? waitFor(recent(ipKey, at), maxPerIp, at) : 0];
    const retryAfterMs = Math.max(...waits);
    if (retryAfterMs > 0) return { limited: true, retryAfterMs };
    record(emailKey, at);
    if (ipKey) record(ipKey, at);
    return {
      limited: false,
      succeeded() {
        failures.delete(emailKey);
        const times = ipKey ? failures.get(ipKey) : undefined;
        const index = times?.indexOf(at) ?? -1;
        if (times && index >= 0) times.splice(index, 1);
      },
    };
  }

  // How long until the oldest counted failure leaves the window; 0 when under the limit.
  function waitFor(times: number[], max: number, at: number): number {
    if (times.length < max) return 0;
    return (times[times.length - max] ?? at) + windowMs - at;
  }

  return { begin, size: () => failures.size };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

/** One per server process: the counts live in memory only. */
export const signInLimiter = createSignInLimiter();
