import { describe, expect, it } from 'vitest';
import { claimOnce, type ClaimLocks, type ClaimStorage } from './activity-claim-once';

/** One browser's localStorage, shared by its tabs. */
function sharedStorage(): ClaimStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

/** The browser's exclusive Web Lock: callbacks run one after another, each awaited. */
function sharedLocks(): ClaimLocks {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request<T>(_name: string, callback: () => T | Promise<T>): Promise<T> {
      const run = tail.then(async () => {
        // Another tab's event loop: yield between every step, as two tabs would interleave.
        await new Promise((resolve) => setTimeout(resolve, 0));
        return callback();
      });
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

describe('one announcement per clip across the tabs of one browser', () => {
  it('lets exactly one of several tabs claim a clip, however they race', async () => {
    const storage = sharedStorage();
    const locks = sharedLocks();
    const tabs = Array.from({ length: 4 }, () => claimOnce('clip-1', { storage, locks }));
    expect((await Promise.all(tabs)).filter(Boolean)).toHaveLength(1);
    expect(await claimOnce('clip-1', { storage, locks })).toBe(false);
    expect(await claimOnce('clip-2', { storage, locks })).toBe(true);
  });

  it('without the lock, a race can double it: the lock is what makes it one', async () => {
    const storage = sharedStorage();
    // Both tabs read before either writes: what interleaving tabs without a lock can do.
    const racing: ClaimStorage = { getItem: storage.getItem, setItem: (key, value) => queueMicrotask(() => storage.setItem(key, value)) };
    const results = await Promise.all([claimOnce('clip-1', { storage: racing }), claimOnce('clip-1', { storage: racing })]);
    expect(results).toEqual([true, true]);
  });

  it('forgets claims after a day, and survives a damaged record', async () => {
    const storage = sharedStorage();
    let now = 1_000;
    expect(await claimOnce('clip-1', { storage, now: () => now })).toBe(true);
    now += 24 * 60 * 60_000;
    expect(await claimOnce('clip-1', { storage, now: () => now })).toBe(true);
    storage.setItem('wan-studio:announced', '{not json');
    expect(await claimOnce('clip-9', { storage })).toBe(true);
  });
});
