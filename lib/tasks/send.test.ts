import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { getGenerationForWorker, updateGeneration } from '@/db/queries/tracker';
import { markStaleSendsUnknown, requeueUnknown } from '@/db/queries/queue';
import { listTaskHistory } from '@/db/queries/sends';
import { generations } from '@/db/schema';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { generationRequestSchema } from '@/lib/generation/schema';
import { createWanClient, type WanClient } from '@/lib/wan/client';
import { createRateLimiter } from '@/lib/wan/rate-limiter';
import { createResilientClient, defaultRetryPolicy } from '@/lib/wan/retry';
import { createOwner, type Owner } from '@/test/fixtures';
import { findCallbackTarget, newCallbackSecret } from './callback';
import type { TrackerDeps } from './deps';
import { dispatchQueued } from './dispatch';
import { nextQueueRank, submitGeneration } from './submit';

// One paid task per clip: a create that is slow or rate-limited past its send lease must not be taken for a
// crash, so an impatient "Send again" never pays twice; a task id that still arrives late is kept and tracked.

const SCALE = 0.005;
let emulator: TestEmulator;
let owner: Owner;

function client(timeoutMs = 5_000): WanClient {
  return createResilientClient(createWanClient({ baseUrl: emulator.apiBaseUrl, apiKey: KEY_A, timeoutMs }), {
    limiter: createRateLimiter({ perMinute: 1_000_000 }),
    policy: { ...defaultRetryPolicy, retries: 6, baseMs: 20, capMs: 200 },
  });
}

const deps = (overrides: Partial<TrackerDeps> = {}): TrackerDeps => ({
  wan: client(),
  now: () => new Date(),
  pollScale: SCALE,
  maxConcurrentTasks: 100,
  publicUrl: undefined,
  sendLeaseMs: 1_000,
  ...overrides,
});

const stateOf = async (id: string) => (await getGenerationForWorker({ id }))?.state;

/** What an impatient user and the sweeper do while they wait: every clip marked unconfirmed is sent again at once. */
async function impatientlyUntilSent(ids: string[], d: TrackerDeps): Promise<number> {
  let resent = 0;
  for (let i = 0; i < 400; i++) {
    await markStaleSendsUnknown({ now: new Date() });
    for (const id of ids) {
      if ((await stateOf(id)) !== 'unknown') continue;
      resent += 1;
      await requeueUnknown({ id, teamId: owner.teamId, now: new Date(), rank: nextQueueRank(new Date()), callbackSecret: newCallbackSecret() });
    }
    void dispatchQueued(d);
    const states = await Promise.all(ids.map(stateOf));
    if (states.every((state) => state === 'pending' || state === 'processing' || state === 'success')) return resent;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the clips were never sent');
}

beforeAll(async () => {
  emulator = await startTestEmulator({ timeScale: SCALE });
  owner = await createOwner('one-task@example.test');
});
afterAll(() => emulator.stop());
beforeEach(async () => {
  await getDb().delete(generations);
  emulator.setFaults({});
});

describe('one paid task per clip', () => {
  it('a create rate-limited with a Retry-After longer than the send lease: back in the queue, sent later, one task each', async () => {
    emulator.setFaults({ rateLimitBurst: { count: 4, retryAfterSeconds: 2 }, latencyMs: 200, routes: ['create'] });
    const before = emulator.stats().tasksCreated;
    const d = deps();
    const rows = await Promise.all([1, 2, 3].map((seed) => submitGeneration({ ...owner, request: generationRequestSchema.parse({ prompt: `a tide pool, take ${seed}`, seed }) }, d)));
    const resent = await impatientlyUntilSent(rows.map((row) => row.id), d);
    expect(resent).toBe(0);
    expect(emulator.stats().tasksCreated - before).toBe(3);
    const sent = await Promise.all(rows.map((row) => getGenerationForWorker({ id: row.id })));
    expect(new Set(sent.map((row) => row?.taskId)).size).toBe(3);
    for (const row of rows) expect((await listTaskHistory({ generationId: row.id })).map((entry) => entry.kind)).toEqual(['sent']);
  });

  it('an answer slower than the send lease: the lease is kept alive, nothing is marked unknown, nothing is sent twice', async () => {
    emulator.setFaults({ latencyMs: 2_500, routes: ['create'] });
    const before = emulator.stats().tasksCreated;
    const d = deps({ sendLeaseMs: 900 });
    const row = await submitGeneration({ ...owner, request: generationRequestSchema.parse({ prompt: 'a slow lighthouse', seed: 4 }) }, d);
    const resent = await impatientlyUntilSent([row.id], d);
    expect(resent).toBe(0);
    expect(emulator.stats().tasksCreated - before).toBe(1);
    expect((await getGenerationForWorker({ id: row.id }))?.taskId).toMatch(/^task_/);
  });

  it('a task that arrives after the clip was already marked unconfirmed is adopted by it, and recorded', async () => {
    const real = client();
    let id = '';
    // The process stalls past its lease mid-call: the sweeper marks the clip unconfirmed before the answer lands.
    const stalled: WanClient = {
      ...real,
      createTask: async (body) => {
        await updateGeneration({ id, values: { leaseUntil: new Date(Date.now() - 1) } });
        await markStaleSendsUnknown({ now: new Date() });
        return real.createTask(body);
      },
    };
    const d = deps({ wan: stalled, maxConcurrentTasks: 0 });
    id = (await submitGeneration({ ...owner, request: generationRequestSchema.parse({ prompt: 'a late heron', seed: 5 }) }, d)).id;
    await dispatchQueued({ ...d, maxConcurrentTasks: 10 });
    const row = await getGenerationForWorker({ id });
    expect(row).toMatchObject({ state: 'pending', failCode: null });
    expect(row?.taskId).toMatch(/^task_/);
    expect(await listTaskHistory({ generationId: id })).toMatchObject([{ kind: 'late', taskId: row?.taskId, trackedBy: id }]);
  });

  it('a late answer for a task its callback already adopted makes no second clip', async () => {
    const real = client();
    let id = '';
    const adoptedFirst: WanClient = {
      ...real,
      createTask: async (body) => {
        const created = await real.createTask(body);
        // Lease lost, then the service's callback (proven by the URL's secret) adopts the task before the answer lands.
        await updateGeneration({ id, values: { leaseUntil: new Date(Date.now() - 1) } });
        await markStaleSendsUnknown({ now: new Date() });
        await updateGeneration({ id, values: { state: 'processing', taskId: created.taskId } });
        return created;
      },
    };
    const d = deps({ wan: adoptedFirst, maxConcurrentTasks: 0 });
    id = (await submitGeneration({ ...owner, request: generationRequestSchema.parse({ prompt: 'an adopted swift', seed: 8 }) }, d)).id;
    const before = await getDb().$count(generations);
    await dispatchQueued({ ...d, maxConcurrentTasks: 10 });
    expect(await getDb().$count(generations)).toBe(before);
    const row = await getGenerationForWorker({ id });
    expect(await listTaskHistory({ generationId: id })).toMatchObject([{ kind: 'late', taskId: row?.taskId, trackedBy: id }]);
  });

  it('a late task whose clip was already sent again is tracked by a copy of the clip, never dropped', async () => {
    const real = client();
    let id = '';
    let calls = 0;
    const overtaken: WanClient = {
      ...real,
      createTask: async (body) => {
        if (++calls > 1) return real.createTask(body);
        // Meanwhile the clip was marked unconfirmed and the user chose "Send again": it is queued once more.
        await updateGeneration({ id, values: { leaseUntil: new Date(Date.now() - 1) } });
        await markStaleSendsUnknown({ now: new Date() });
        await requeueUnknown({ id, teamId: owner.teamId, now: new Date(), rank: nextQueueRank(new Date()), callbackSecret: newCallbackSecret() });
        return real.createTask(body);
      },
    };
    const d = deps({ wan: overtaken, maxConcurrentTasks: 0 });
    id = (await submitGeneration({ ...owner, request: generationRequestSchema.parse({ prompt: 'an overtaken kite', seed: 6 }) }, d)).id;
    await dispatchQueued({ ...d, maxConcurrentTasks: 10 });
    const [late] = await listTaskHistory({ generationId: id });
    expect(late).toMatchObject({ kind: 'late' });
    const copy = await getGenerationForWorker({ id: late?.trackedBy ?? '' });
    expect(copy).toMatchObject({ state: 'pending', parentId: id, prompt: 'an overtaken kite', seed: 6, taskId: late?.taskId, teamId: owner.teamId });
    // The original is sent again on its own (the user asked for it), with its own task.
    await dispatchQueued({ ...d, maxConcurrentTasks: 10 });
    expect(await stateOf(id)).toBe('pending');
    expect((await getGenerationForWorker({ id }))?.taskId).not.toBe(late?.taskId);
  });

  it('sending an unconfirmed webhook clip again gives it a new callback secret', async () => {
    const d = deps({ maxConcurrentTasks: 0 });
    const row = await submitGeneration({ ...owner, request: generationRequestSchema.parse({ prompt: 'a webhook clip', requestType: 'callback' }) }, d);
    await updateGeneration({ id: row.id, values: { state: 'unknown' } });
    await requeueUnknown({ id: row.id, teamId: owner.teamId, now: new Date(), rank: nextQueueRank(new Date()), callbackSecret: newCallbackSecret() });
    const requeued = await getGenerationForWorker({ id: row.id });
    expect(requeued?.callbackSecret).toMatch(/^[\w-]{43}$/);
    expect(requeued?.callbackSecret).not.toBe(row.callbackSecret);
    // The earlier task, if it exists after all, can no longer report into this clip.
    expect(await findCallbackTarget(`${row.id}.${row.callbackSecret}`)).toBeUndefined();
    expect(await findCallbackTarget(`${row.id}.${requeued?.callbackSecret}`)).toMatchObject({ id: row.id });
  });

  it('Generate answers as soon as the row is stored, while the dispatcher still waits on a slow create', async () => {
    const real = client();
    let answered = false;
    const slow: WanClient = { ...real, createTask: (body) => new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => real.createTask(body)).finally(() => (answered = true)) };
    const d = deps({ wan: slow, sendLeaseMs: 30_000 });
    const started = Date.now();
    const row = await submitGeneration({ ...owner, request: generationRequestSchema.parse({ prompt: 'a patient egret', seed: 9 }) }, d);
    expect(Date.now() - started).toBeLessThan(500);
    expect(answered).toBe(false);
    expect(row.state).toBe('queued');
    await dispatchQueued(d);
    expect(await stateOf(row.id)).toBe('pending');
  });
});
