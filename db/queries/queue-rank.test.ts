import { describe, expect, it } from 'vitest';
import { frontRank } from './queue-rank';

describe('frontRank', () => {
  it('puts a clip just before the first queued clip of its team', () => {
    expect(frontRank(1_700_000_000_300.5, 1_700_000_000_100.25)).toBe(1_700_000_000_099.25);
  });

  it('sorts the moved clip before every clip that was queued', () => {
    const ranks = [10.001, 10.002, 10.003];
    const moved = frontRank(10.003, Math.min(...ranks));
    expect(moved).not.toBeNull();
    expect([moved ?? Infinity, 10.001, 10.002].toSorted((a, b) => a - b)[0]).toBe(moved);
  });

  it('leaves a clip that is first already where it is', () => {
    expect(frontRank(10.001, 10.001)).toBeNull();
  });
});
