import { describe, expect, it } from 'vitest';
import { coalescing, semaphore, singleFlight } from './concurrency';

describe('semaphore', () => {
  it('never runs more than max tasks at once, and runs every task in order', async () => {
    const limit = semaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        limit(async () => {
          running += 1;
          peak = Math.max(peak, running);
          order.push(i);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('frees the slot when a task fails', async () => {
    const limit = semaphore(1);
    await expect(limit(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });
});

describe('singleFlight', () => {
  it('shares one running call per key, and runs again once it has settled', async () => {
    const flight = singleFlight<number>();
    let runs = 0;
    const run = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return runs;
    };
    expect(await Promise.all([flight('a', run), flight('a', run), flight('b', run)])).toEqual([2, 2, 2]);
    expect(await flight('a', run)).toBe(3);
  });
});

describe('coalescing', () => {
  it('runs once more after the current run for any number of calls made during it', async () => {
    let runs = 0;
    const task = coalescing(async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const first = task();
    await Promise.all([task(), task(), task()]);
    await first;
    expect(runs).toBe(2);
  });
});
