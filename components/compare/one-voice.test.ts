import { describe, expect, it } from 'vitest';
import { mutedIn, toggleVoice, voiceFor } from './one-voice';

/** Every clip's muted flag after a series of toggles, from silence. */
function mutedAfter(count: number, toggles: number[]): boolean[] {
  const heard = toggles.reduce<number | null>(toggleVoice, null);
  return Array.from({ length: count }, (_, clip) => mutedIn(heard, clip));
}

describe('one sound at a time in compare', () => {
  it('starts with every clip muted', () => {
    expect(mutedAfter(3, [])).toEqual([true, true, true]);
  });

  it('unmuting a clip makes it the only one heard', () => {
    expect(mutedAfter(3, [1])).toEqual([true, false, true]);
  });

  it('unmuting B while A is heard mutes A', () => {
    expect(mutedAfter(2, [0, 1])).toEqual([true, false]);
  });

  it('muting the clip heard leaves silence, and it can be heard again', () => {
    expect(mutedAfter(2, [0, 0])).toEqual([true, true]);
    expect(mutedAfter(2, [0, 0, 0])).toEqual([false, true]);
  });

  it('never has two clips heard, whatever the order of toggles', () => {
    const toggles = [3, 1, 1, 0, 2, 2, 2, 3, 0, 1];
    for (let step = 0; step <= toggles.length; step += 1) {
      const heard = mutedAfter(4, toggles.slice(0, step)).filter((muted) => !muted);
      expect(heard.length).toBeLessThanOrEqual(1);
    }
  });

  it('forgets the choice when the page compares other clips', () => {
    expect(voiceFor({ identity: 'a,b', heard: 1 }, 'a,b')).toBe(1);
    expect(voiceFor({ identity: 'a,b', heard: 1 }, 'a,c')).toBeNull();
  });
});
