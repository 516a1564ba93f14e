import { describe, expect, it } from 'vitest';
import { generationStates, isTerminal, needsWatching, openStates, settled, stateGroups } from './states';

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

describe('state groups', () => {
  it('puts every state in exactly one gallery filter group', () => {
    const grouped = Object.values(stateGroups).flat();
    expect([...grouped].sort()).toEqual([...generationStates].sort());
  });

  it('never counts an open task as finished; a task taking long is settled enough to compare', () => {
    for (const state of openStates) expect(isTerminal(state)).toBe(false);
    expect(settled('timed_out')).toBe(true);
    expect(settled('processing')).toBe(false);
    expect(settled('cancelled')).toBe(true);
  });
});
