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
