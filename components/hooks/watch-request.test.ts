import { describe, expect, it } from 'vitest';
import { needsWatching, watchQuery } from './watch-request';

describe('needsWatching', () => {
  it('watches until a clip is finished and archived, or has failed or been cancelled', () => {
    for (const state of ['queued', 'sending', 'pending', 'processing', 'timed_out'] as const) {
      expect(needsWatching({ state, archived: false })).toBe(true);
    }
    expect(needsWatching({ state: 'success', archived: false })).toBe(true);
    expect(needsWatching({ state: 'success', archived: true })).toBe(false);
    for (const state of ['failed', 'unknown', 'cancelled'] as const) expect(needsWatching({ state, archived: false })).toBe(false);
  });
});

describe('watchQuery', () => {
  it('sends each id with the version the page shows, in a stable order', () => {
    const versions: Record<string, string> = { b: 'processing..', a: 'success..' };
    expect(decodeURIComponent(watchQuery(['b', 'a'], (id) => versions[id]))).toBe('w=a~success..,b~processing..');
    expect(decodeURIComponent(watchQuery(['c'], () => undefined))).toBe('w=c~');
  });
});
