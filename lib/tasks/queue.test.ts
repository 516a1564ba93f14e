import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getGenerationForWorker, updateGeneration } from '@/db/queries/tracker';
import { cancelGeneration, listQueuedHeads, markStaleSendsUnknown, moveQueued, requeueUnknown } from '@/db/queries/queue';
import { queuePositions } from '@/lib/queue/positions';
import { getDb } from '@/db/index';
import { dispatchTurns, generations, memberships } from '@/db/schema';
import { createOwner, type Owner } from '@/test/fixtures';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { generationRequestSchema } from '@/lib/generation/schema';
import { createWanClient, type WanClient } from '@/lib/wan/client';
import type { TrackerDeps } from './deps';
import { dispatchQueued } from './dispatch';
import { refreshIfDue } from './refresh';
import { submitAndDispatch } from '@/test/submit';
import { nextQueueRank, submitGeneration } from './submit';
import { samePrices } from '@/lib/generation/request-fields';

const PRICES = samePrices({ '480p': 6, '720p': 6, '1080p': 10 });

const SCALE = 0.005;
let emulator: TestEmulator;
let wan: WanClient;
let owner: Owner;
let creates = 0;

const deps = (overrides: Partial<TrackerDeps> = {}): TrackerDeps => ({
  wan,
  now: () => new Date(),
  pollScale: SCALE,
  maxConcurrentTasks: 1,
  publicUrl: undefined, sendLeaseMs: 30_000,
  ...overrides,
});
const request = (prompt: string) => generationRequestSchema.parse({ prompt });
const getQueuePosition = async ({ id }: { id: string }) => (await queuePositions([id])).get(id) ?? null;

async function finish(id: string) {
  for (let i = 0; i < 500; i++) {
    await refreshIfDue(id, deps());
    const row = await getGenerationForWorker({ id });
    if (row?.state === 'success' || row?.state === 'failed') return row;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('did not finish');
}

beforeAll(async () => {
  emulator = await startTestEmulator({ timeScale: SCALE });
  const real = createWanClient({ baseUrl: emulator.apiBaseUrl, apiKey: KEY_A, timeoutMs: 5_000 });
  wan = {
    createTask: (body) => {
      creates += 1;
      return real.createTask(body);
    },
    getTask: real.getTask,
  };
  owner = await createOwner('q@example.test');
});
afterAll(() => emulator.stop());
beforeEach(async () => {
  await getDb().delete(generations);
  creates = 0;
});

describe('the queue under the concurrency cap', () => {
  it('holds generations beyond the cap as queued, with their position, and sends them in order as slots free', async () => {
    const first = await submitAndDispatch({ ...owner, request: request('first') }, deps());
    const second = await submitAndDispatch({ ...owner, request: request('second') }, deps());
    const third = await submitAndDispatch({ ...owner, request: request('third') }, deps());
    expect([first.state, second.state, third.state]).toEqual(['pending', 'queued', 'queued']);
    expect([await getQueuePosition({ id: second.id }), await getQueuePosition({ id: third.id })]).toEqual([1, 2]);

    await finish(first.id);
    await dispatchQueued(deps());
    expect((await getGenerationForWorker({ id: second.id }))?.state).toBe('pending');
    expect((await getGenerationForWorker({ id: third.id }))?.state).toBe('queued');
    expect(await getQueuePosition({ id: third.id })).toBe(1);
    expect(creates).toBe(2);
  });

  it('survives a restart: the queue is rows, picked up by a fresh dispatcher', async () => {
    await submitAndDispatch({ ...owner, request: request('running') }, deps());
    const waiting = await submitAndDispatch({ ...owner, request: request('waiting') }, deps());
    expect(waiting.state).toBe('queued');
    // A "new process": no memory of the first, a larger cap.
    await dispatchQueued(deps({ maxConcurrentTasks: 5 }));
    expect((await getGenerationForWorker({ id: waiting.id }))?.state).toBe('pending');
  });

  it('gives clips stored in the same millisecond distinct, ordered ranks', () => {
    const at = new Date();
    const ranks = Array.from({ length: 5 }, () => nextQueueRank(at));
    expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(5);
  });

  it('lets a queued generation be moved ahead of its team’s others, or cancelled without being sent', async () => {
    await submitAndDispatch({ ...owner, request: request('running') }, deps());
    const a = await submitAndDispatch({ ...owner, request: request('a') }, deps());
    const b = await submitAndDispatch({ ...owner, request: request('b') }, deps());
    expect(await moveQueued({ id: b.id, teamId: owner.teamId, direction: 'up' })).toBe(true);
    expect(await getQueuePosition({ id: b.id })).toBe(1);
    expect(await getQueuePosition({ id: a.id })).toBe(2);

    expect(await cancelGeneration({ id: b.id, teamId: owner.teamId, now: new Date(), prices: PRICES })).toBe(true);
    expect((await getGenerationForWorker({ id: b.id }))?.state).toBe('cancelled');
    expect(await getQueuePosition({ id: a.id })).toBe(1);
    expect(await cancelGeneration({ id: b.id, teamId: 'another-team', now: new Date(), prices: PRICES })).toBe(false);
    await dispatchQueued(deps({ maxConcurrentTasks: 10 }));
    expect((await getGenerationForWorker({ id: b.id }))?.state).toBe('cancelled');
    expect(creates).toBe(2);
  });

  it('marks a send interrupted by a crash as unknown, and sends it again only when the user asks', async () => {
    const row = await submitAndDispatch({ ...owner, request: request('interrupted') }, deps({ maxConcurrentTasks: 0 }));
    // What a crash mid-send leaves behind: claimed for sending, lease long expired.
    await updateGeneration({ id: row.id, values: { state: 'sending', leaseUntil: new Date(Date.now() - 1_000) } });
    expect(await markStaleSendsUnknown({ now: new Date() })).toBe(1);
    expect((await getGenerationForWorker({ id: row.id }))?.state).toBe('unknown');
    await dispatchQueued(deps({ maxConcurrentTasks: 10 }));
    expect(creates).toBe(0);

    expect((await requeueUnknown({ id: row.id, teamId: owner.teamId, now: new Date(), rank: nextQueueRank(new Date()), callbackSecret: 'x'.repeat(43) })).ok).toBe(true);
    await dispatchQueued(deps({ maxConcurrentTasks: 10 }));
    expect((await getGenerationForWorker({ id: row.id }))?.state).toBe('pending');
    expect(creates).toBe(1);
  });

  it('a 10-clip backlog of one team holds nobody behind it: free slots go round-robin across three teams, and people within one', async () => {
    await getDb().delete(dispatchTurns);
    const [b, c] = await Promise.all([createOwner('q-b@example.test'), createOwner('q-c@example.test')]);
    const teammate = await createOwner('q-a2@example.test');
    await getDb().insert(memberships).values({ teamId: owner.teamId, userId: teammate.userId, role: 'editor' });
    const sentPrompts: string[] = [];
    const recording: TrackerDeps = {
      ...deps({ maxConcurrentTasks: 0 }),
      wan: { ...wan, createTask: (body) => (sentPrompts.push(body.input.prompt ?? ''), wan.createTask(body)) },
    };
    // Team A's backlog is stored first; B and C arrive after it, then A's second member.
    for (let i = 0; i < 10; i++) await submitGeneration({ ...owner, request: request(`A${i}`) }, recording);
    for (let i = 0; i < 2; i++) await submitGeneration({ ...b, request: request(`B${i}`) }, recording);
    for (let i = 0; i < 2; i++) await submitGeneration({ ...c, request: request(`C${i}`) }, recording);
    await submitGeneration({ userId: teammate.userId, teamId: owner.teamId, request: request('A-teammate') }, recording);

    // One slot at a time, as slots free up in production.
    for (let slots = 1; slots <= 7; slots++) await dispatchQueued({ ...recording, maxConcurrentTasks: slots });
    expect(sentPrompts).toEqual(['A0', 'B0', 'C0', 'A-teammate', 'B1', 'C1', 'A1']);
    // Only team A's backlog is left: its next clip is sent next.
    expect(await getQueuePosition({ id: (await listQueuedHeads({ perPerson: 1 }))[0]?.id ?? '' })).toBe(1);
  });
});
