import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { moveQueued } from '@/db/queries/queue';
import { dispatchTurns, generations } from '@/db/schema';
import { generationRequestSchema } from '@/lib/generation/schema';
import type { TrackerDeps } from './deps';
import { notifyQueueMoved, queueVersion } from './notify';
import { submitGeneration } from './submit';
import { dispatchQueued } from './dispatch';
import { WanApiError } from '@/lib/wan/errors';
import { createOwner, type Owner } from '@/test/fixtures';
import { createPositionsCache } from './positions-cache';
import { queuePositions } from '@/lib/queue/positions';

// No free slot: every clip stays queued, and nothing is ever sent.
const deps: TrackerDeps = {
  wan: { createTask: () => Promise.reject(new Error('nothing is sent here')), getTask: () => Promise.reject(new Error('nothing is sent here')) },
  now: () => new Date(),
  pollScale: 0.005,
  maxConcurrentTasks: 0,
  publicUrl: undefined,
  sendLeaseMs: 30_000,
};
let owner: Owner;
let clock = 0;
let asked: string[][] = [];

/** The real computation, counted. */
const counted = (ids: readonly string[]) => (asked.push([...ids]), queuePositions(ids));
const newCache = () => createPositionsCache({ compute: counted, version: queueVersion, now: () => clock, maxAgeMs: 10_000 });
const queue = async (prompt: string) => (await submitGeneration({ ...owner, request: generationRequestSchema.parse({ prompt }) }, deps)).id;
const placesOf = async (positions: Promise<Map<string, number>>) => Object.fromEntries(await positions);

beforeAll(async () => {
  owner = await createOwner('cache@example.test');
});
beforeEach(async () => {
  await getDb().delete(generations);
  await getDb().delete(dispatchTurns);
  asked = [];
  clock = 0;
});

describe('queue positions cached per queue version', () => {
  it('storing a queued clip bumps the version', async () => {
    const before = queueVersion();
    await queue('one');
    expect(queueVersion()).toBeGreaterThan(before);
  });

  it('computes once for many watchers, and again only after the queue changes, with the places moved', async () => {
    const [a, b, c] = [await queue('a'), await queue('b'), await queue('c')];
    const positions = newCache();
    const watchers = await Promise.all([1, 2, 3].map(() => placesOf(positions([a, b, c]))));
    expect(watchers).toEqual([1, 2, 3].map(() => ({ [a]: 1, [b]: 2, [c]: 3 })));
    await positions([a, b, c]);
    expect(asked).toHaveLength(1);

    // The move as the queue action makes it: the rows change, then the notifier.
    expect(await moveQueued({ id: c, teamId: owner.teamId, direction: 'up' })).toBe(true);
    notifyQueueMoved();
    expect(await placesOf(positions([a, b, c]))).toEqual({ [a]: 1, [c]: 2, [b]: 3 });
    expect(await placesOf(positions([c]))).toEqual({ [c]: 2 });
    expect(asked).toHaveLength(2);
  });

  it('asks only for ids it has not placed at this version, and remembers a clip that is not queued', async () => {
    const [a, b] = [await queue('a'), await queue('b')];
    const gone = crypto.randomUUID();
    const positions = newCache();
    expect(await placesOf(positions([a, gone]))).toEqual({ [a]: 1 });
    expect(await placesOf(positions([a, b, gone]))).toEqual({ [a]: 1, [b]: 2 });
    expect(asked).toEqual([[a, gone], [b]]);
  });

  it('recomputes places once they are old: another process’s changes bump no version here', async () => {
    const [a, b] = [await queue('a'), await queue('b')];
    const positions = newCache();
    await positions([a, b]);
    await moveQueued({ id: b, teamId: owner.teamId, direction: 'up' });
    clock += 9_000;
    expect(await placesOf(positions([a, b]))).toEqual({ [a]: 1, [b]: 2 });
    clock += 2_000;
    expect(await placesOf(positions([a, b]))).toEqual({ [b]: 1, [a]: 2 });
    expect(asked).toHaveLength(2);
  });

  it('does not keep a failed computation', async () => {
    const a = await queue('a');
    let fail = true;
    const positions = createPositionsCache({
      compute: (ids) => (fail ? Promise.reject(new Error('database busy')) : counted(ids)),
      version: queueVersion,
      now: () => clock,
      maxAgeMs: 10_000,
    });
    await expect(positions([a])).rejects.toThrow('database busy');
    fail = false;
    expect(await placesOf(positions([a]))).toEqual({ [a]: 1 });
  });

  it('a send the busy service turned away puts its clip back ahead: the places behind it are computed again', async () => {
    const [a, b] = [await queue('a'), await queue('b')];
    let answer = (_error: Error) => {};
    const busy = new Promise<never>((_, reject) => (answer = reject));
    const sending = dispatchQueued({ ...deps, maxConcurrentTasks: 1, wan: { ...deps.wan, createTask: () => busy } });
    const positions = newCache();
    // While `a` is being sent, `b` is next.
    await expect.poll(async () => placesOf(positions([b]))).toEqual({ [b]: 1 });
    answer(new WanApiError(429, 429, 'busy'));
    await sending;
    expect(await placesOf(positions([a, b]))).toEqual({ [a]: 1, [b]: 2 });
  });
});
