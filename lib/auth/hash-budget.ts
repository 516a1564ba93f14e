import 'server-only';

export type HashBudgetOptions = { perSecond?: number; burst?: number; now?: () => number };

/**
 * A token bucket for password-hash work across the whole process (sign-in and sign-up): a flood of
 * attempts from many addresses gets "busy" answers instead of queueing argon2 runs on the CPU.
 */
export function createHashBudget({ perSecond = 10, burst = 20, now = () => Date.now() }: HashBudgetOptions = {}) {
  let tokens = burst;
  let at = now();

  function refill() {
    const current = now();
    tokens = Math.min(burst, tokens + ((current - at) / 1000) * perSecond);
    at = current;
  }

  return {
    /** Takes one hash's worth of budget; false (and nothing taken) when the budget is spent. */
    take(): boolean {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    /** Gives back a token taken for work that did not happen. */
    giveBack(): void {
      tokens = Math.min(burst, tokens + 1);
    },
    /** Tests that sign many people up in a row start each case with a full bucket. */
    refillForTests(): void {
      tokens = burst;
      at = now();
    },
  };
}

export type HashBudget = ReturnType<typeof createHashBudget>;

/** One per server process. */
export const hashBudget = createHashBudget();

export type KeyedHashBudgetOptions = { perSecond?: number; burst?: number; perKeyPerSecond?: number; perKeyBurst?: number; now?: () => number };

/**
 * A bucket of its own, shared by keys that each get a small bucket inside it: no one key (an account signing
 * in again and again to mint device cookies) can spend what the others need.
 */
export function createKeyedHashBudget({ perSecond = 10, burst = 20, perKeyPerSecond = 1, perKeyBurst = 5, now = () => Date.now() }: KeyedHashBudgetOptions = {}) {
  const total = createHashBudget({ perSecond, burst, now });
  const keys = new Map<string, HashBudget>();

  return {
    take(key: string): boolean {
      let own = keys.get(key);
      if (!own) {
        // A key's bucket refills fully within seconds: forgetting idle ones loses nothing.
        if (keys.size >= 10_000) keys.clear();
        own = createHashBudget({ perSecond: perKeyPerSecond, burst: perKeyBurst, now });
        keys.set(key, own);
      }
      if (!own.take()) return false;
      if (total.take()) return true;
      own.giveBack();
      return false;
    },
  };
}

export type KeyedHashBudget = ReturnType<typeof createKeyedHashBudget>;

/** Hash work for attempts that carry a valid device cookie, apart from the one anonymous attempts can drain. */
export const deviceHashBudget = createKeyedHashBudget();
