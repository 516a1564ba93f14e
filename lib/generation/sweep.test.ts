import { describe, expect, it } from 'vitest';
import { costCents, generationRequestSchema, type PriceTable, samePrices } from './schema';
import { expandSweep, sweepSchema, sweepSize } from './sweep';

const base = generationRequestSchema.parse({ prompt: 'a kite over dunes', resolution: '720p', duration: 5, seed: 7 });
let next = 0;
// The studio's default prices (lib/env.ts).
const prices: PriceTable = samePrices({ '480p': 5, '720p': 6, '1080p': 10 });
const random = () => [11, 11, 42, 99, 5][next++ % 5] ?? 0;

describe('seed sweeps', () => {
  it('runs the next N seeds with everything else identical', () => {
    const sweep = sweepSchema.parse({ seeds: { kind: 'next', from: 100, count: 4 } });
    const requests = expandSweep(base, sweep, random);
    expect(requests.map((r) => r.seed)).toEqual([100, 101, 102, 103]);
    for (const request of requests) expect({ ...request, seed: 0 }).toEqual({ ...base, seed: 0 });
  });

  it('draws N distinct random seeds', () => {
    next = 0;
    const requests = expandSweep(base, sweepSchema.parse({ seeds: { kind: 'random', count: 3 } }), random);
    expect(requests.map((r) => r.seed)).toEqual([11, 42, 99]);
  });

  it('takes a typed list of seeds, and explains a bad one', () => {
    const sweep = sweepSchema.parse({ seeds: { kind: 'list', list: '3, 1;  2' } });
    expect(expandSweep(base, sweep, random).map((r) => r.seed)).toEqual([3, 1, 2]);
    const bad = sweepSchema.safeParse({ seeds: { kind: 'list', list: '3, three' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Seeds are whole numbers');
    expect(sweepSchema.safeParse({ seeds: { kind: 'list', list: '4 4' } }).error?.issues[0]?.message).toBe('Each seed once');
  });

  it('refuses fewer than 2 or more than 16 seeds', () => {
    expect(sweepSchema.safeParse({ seeds: { kind: 'next', from: 1, count: 1 } }).error?.issues[0]?.message).toBe('A sweep needs at least 2 seeds');
    expect(sweepSchema.safeParse({ seeds: { kind: 'random', count: 17 } }).error?.issues[0]?.message).toBe('A sweep has at most 16 seeds');
  });

  it('crosses the seeds with one more axis, both values each', () => {
    const sweep = sweepSchema.parse({ seeds: { kind: 'next', from: 1, count: 2 }, axis: 'duration' });
    const requests = expandSweep(base, sweep, random);
    expect(requests.map((r) => [r.seed, r.duration])).toEqual([
      [1, 5],
      [1, 10],
      [2, 5],
      [2, 10],
    ]);
    expect(sweepSize(sweep)).toBe(4);
  });

  it('costs resolution-seconds times the price table', () => {
    const sweep = sweepSchema.parse({ seeds: { kind: 'next', from: 1, count: 2 }, axis: 'resolution' });
    // 5 s at 720p (6¢/s) + 5 s at 1080p (10¢/s), twice.
    expect(costCents(expandSweep(base, sweep, random), prices)).toBe(2 * (30 + 50));
  });
});
