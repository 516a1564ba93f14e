import { afterEach, describe, expect, it } from 'vitest';
import { claimSound, releaseSound } from './heard-player';

/** A player as the slot sees it: its muted flag and the function that mutes it. */
function player() {
  const state = { muted: false, silence: () => undefined as void };
  state.silence = () => {
    state.muted = true;
  };
  return state;
}

const claimed: (() => void)[] = [];
afterEach(() => {
  for (const silence of claimed.splice(0)) releaseSound(silence);
});
const claim = (silence: () => void) => {
  claimed.push(silence);
  claimSound(silence);
};

describe('one player heard at a time', () => {
  it('unmuting a second player mutes the first', () => {
    const first = player();
    const second = player();
    claim(first.silence);
    claim(second.silence);
    expect(first.muted).toBe(true);
    expect(second.muted).toBe(false);
  });

  it('claiming again as the one heard mutes nothing', () => {
    const only = player();
    claim(only.silence);
    claim(only.silence);
    expect(only.muted).toBe(false);
  });

  it('a player that released its sound (muted by hand, or gone) is not called on by the next claim', () => {
    const first = player();
    const second = player();
    let calls = 0;
    const counted = () => {
      calls += 1;
      first.silence();
    };
    claim(counted);
    releaseSound(counted);
    claim(second.silence);
    expect(calls).toBe(0);
    expect(second.muted).toBe(false);
  });
});
