import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getGenerationForWorker, updateGeneration } from '@/db/queries/tracker';
import { requeueUnknown } from '@/db/queries/queue';
import { createOwner, type Owner } from '@/test/fixtures';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { explainFailure } from '@/lib/generation/fail-codes';
import { generationRequestSchema } from '@/lib/generation/schema';
import { createWanClient, type WanClient } from '@/lib/wan/client';
import type { WanCreateBody } from '@/lib/wan/request-body';
import type { TrackerDeps } from './deps';
import { dispatchQueued } from './dispatch';
import { nextQueueRank } from './submit';
import { refreshIfDue } from './refresh';
import { submitAndDispatch } from '@/test/submit';

const SCALE = 0.005;
let before: TestEmulator;
let forgetful: TestEmulator;
let owner: Owner;

/** The real client, keeping each create body it sent. */
function recordingClient(emulator: TestEmulator) {
  const real = createWanClient({ baseUrl: emulator.apiBaseUrl, apiKey: KEY_A, timeoutMs: 5_000 });
  const sent: WanCreateBody[] = [];
  const wan: WanClient = {
    createTask(body, options) {
      sent.push(body);
      return real.createTask(body, options);
    },
    getTask: real.getTask,
  };
  return { wan, sent };
}

const deps = (wan: WanClient): TrackerDeps => ({ wan, now: () => new Date(), pollScale: SCALE, maxConcurrentTasks: 10, publicUrl: undefined, sendLeaseMs: 30_000 });

/** Submitting only queues the row; the dispatcher sends it. */
async function sentRow(id: string, wan: WanClient) {
  for (let i = 0; i < 200; i++) {
    await dispatchQueued(deps(wan));
    const row = await getGenerationForWorker({ id });
    if (row?.state === 'pending') return row;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the generation was never sent');
}

beforeAll(async () => {
  // The same service before and after it lost its memory (a restart of an emulator that kept nothing, an expiry).
  [before, forgetful] = await Promise.all([startTestEmulator({ timeScale: SCALE }), startTestEmulator({ timeScale: SCALE })]);
  owner = await createOwner('forgotten@example.test');
});
afterAll(() => Promise.all([before.stop(), forgetful.stop()]));

describe('a task the service no longer knows', () => {
  it('is not a dead failure: it waits as unconfirmed, and Send again repeats the identical request, seed included', async () => {
    const first = recordingClient(before);
    const request = generationRequestSchema.parse({ prompt: 'a lighthouse the service forgot', seed: 4242 });
    const { id } = await submitAndDispatch({ ...owner, request }, deps(first.wan));
    const row = await sentRow(id, first.wan);
    expect(row.taskId).toMatch(/^task_/);

    const after = recordingClient(forgetful);
    await updateGeneration({ id: row.id, values: { nextPollAt: new Date(Date.now() - 1) } });
    await refreshIfDue(row.id, deps(after.wan));
    const forgotten = await getGenerationForWorker({ id: row.id });
    expect(forgotten).toMatchObject({
      state: 'unknown',
      failCode: 'TASK_NOT_FOUND',
      taskId: row.taskId,
      nextPollAt: null,
      leaseUntil: null,
      queueRank: null,
      completedAt: null,
    });
    expect(forgotten?.failMsg).toMatch(/no longer knows this task.*Send again sends the identical request, seed included/);
    expect(explainFailure(forgotten?.failCode ?? null).advice).toContain('Send again asks for the identical clip, seed included');

    // Nothing is sent again on its own: that costs money, so the person decides.
    await dispatchQueued(deps(after.wan));
    expect(after.sent).toHaveLength(0);

    expect((await requeueUnknown({ id: row.id, teamId: owner.teamId, now: new Date(), rank: nextQueueRank(new Date()), callbackSecret: 'x'.repeat(43) })).ok).toBe(true);
    const resent = await sentRow(row.id, after.wan);
    expect(after.sent.map((body) => body.input)).toEqual(first.sent.map((body) => body.input));
    expect(resent.taskId).toMatch(/^task_/);
  });
});
