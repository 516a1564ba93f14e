import { describe, expect, it } from 'vitest';
import { compareOrder, groupStack } from './stack-groups';

type Clip = { id: string; sweepId: string | null };
const sweepOf = (clip: Clip) => clip.sweepId;
// Newest first, as the gallery lists them: a 3-seed sweep (stored in the order asked), then two clips on their own.
const stack: Clip[] = [
  { id: 's1', sweepId: 'S' },
  { id: 's2', sweepId: 'S' },
  { id: 's3', sweepId: 'S' },
  { id: 'new', sweepId: null },
  { id: 'old', sweepId: null },
];

describe('groupStack', () => {
  it('puts each sweep together and the clips made alone together, the newest group first', () => {
    expect(groupStack(stack, sweepOf).map((group) => [group.sweepId, group.members.map((clip) => clip.id)])).toEqual([
      ['S', ['s1', 's2', 's3']],
      [null, ['new', 'old']],
    ]);
  });

  it('keeps two sweeps of one recipe apart', () => {
    const two = [{ id: 'b1', sweepId: 'B' }, { id: 'a1', sweepId: 'A' }, { id: 'b2', sweepId: 'B' }];
    expect(groupStack(two, sweepOf).map((group) => group.members.map((clip) => clip.id))).toEqual([['b1', 'b2'], ['a1']]);
  });
});

describe('compareOrder', () => {
  it('starts with what was made first and keeps a sweep in the order its seeds were asked for', () => {
    expect(compareOrder(stack, sweepOf).map((clip) => clip.id)).toEqual(['old', 'new', 's1', 's2', 's3']);
  });
});
