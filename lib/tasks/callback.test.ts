import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getGenerationForWorker } from '@/db/queries/tracker';
import type { NewGeneration } from '@/db/schema';
import { getStats } from '@/emulator/admin-client';
import { KEY_A, resultUrlOf, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { POLL_INTERVAL_MS } from '@/lib/generation/timings';
import { generationRequestSchema } from '@/lib/generation/schema';
import { createWanClient, type WanClient } from '@/lib/wan/client';
import { toWanCreateBody } from '@/lib/wan/request-body';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { closedPort } from '@/test/net';
import { applyCallback, type CallbackDeps, type CallbackOutcome, findCallbackTarget, newCallbackSecret } from './callback';

/** What the webhook route does: the token first, then the delivery. */
async function handleCallback(token: string, body: unknown, deps: CallbackDeps): Promise<CallbackOutcome> {
  const row = await findCallbackTarget(token);
  return row ? applyCallback(row, body, deps) : { status: 404 };
}

let owner: Owner;
let emulator: TestEmulator;
// Generates at real speed: its tasks are still running while a test looks.
let slow: TestEmulator;
let deps: CallbackDeps;
let slowDeps: CallbackDeps;
let unreachable: CallbackDeps;

async function webhookGeneration(values: Partial<NewGeneration> = {}) {
  const secret = newCallbackSecret();
  const row = await insertTestGeneration(owner, {
    requestType: 'callback',
    callbackSecret: secret,
    taskId: `task_${crypto.randomUUID()}`,
    state: 'processing',
    submittedAt: new Date(),
    nextPollAt: new Date(Date.now() + 60_000),
    ...values,
  });
  return { row, token: `${row.id}.${secret}` };
}

const envelope = (data: Record<string, unknown>) => ({ code: 200, message: 'success', data: { createTime: 1, ...data } });
const claimedSuccess = (taskId: string | null, url = 'https://evil.example/not-the-clip.mp4') =>
  envelope({ taskId, state: 'success', resultJson: JSON.stringify({ resultUrls: [url] }), completeTime: 2, costTime: 1 });
const failure = (taskId: string | null) => envelope({ taskId, state: 'failed', failCode: 'CONTENT_POLICY', failMsg: 'Refused' });

const clientOf = (baseUrl: string) => createWanClient({ baseUrl, apiKey: KEY_A, timeoutMs: 5_000 });
const createIn = async (wan: WanClient) =>
  (await wan.createTask(toWanCreateBody({ ...generationRequestSchema.parse({ prompt: 'a kite over dunes' }), seed: 3 }))).taskId;

/** A task the (fast) emulator has finished, with its real result URL. */
async function finishedTask(): Promise<{ taskId: string; resultUrl: string }> {
  const taskId = await createIn(clientOf(emulator.apiBaseUrl));
  return { taskId, resultUrl: resultUrlOf((await emulator.waitForFinish(taskId)).final) };
}

beforeAll(async () => {
  owner = await createOwner('cb@example.test');
  [emulator, slow] = await Promise.all([startTestEmulator(), startTestEmulator({ timeScale: 1 })]);
  deps = { wan: clientOf(emulator.apiBaseUrl), now: () => new Date(), pollScale: 1 };
  slowDeps = { ...deps, wan: clientOf(slow.apiBaseUrl) };
  unreachable = { ...deps, wan: clientOf(`http://127.0.0.1:${await closedPort()}/api/v1`) };
});
afterAll(() => Promise.all([emulator.stop(), slow.stop()]));

describe('handleCallback', () => {
  it('stores the result URL of its own status call, not the one a callback claims (another host)', async () => {
    const { taskId, resultUrl } = await finishedTask();
    expect(resultUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const { row, token } = await webhookGeneration({ taskId });
    expect(await handleCallback(token, claimedSuccess(taskId), deps)).toEqual({ status: 200, result: 'applied' });
    expect(await getGenerationForWorker({ id: row.id })).toMatchObject({ state: 'success', resultUrls: [resultUrl], pollCount: 0, nextPollAt: null });
  });

  it('applies a delivery once; a replay changes nothing', async () => {
    const { taskId } = await finishedTask();
    const { row, token } = await webhookGeneration({ taskId });
    expect(await handleCallback(token, claimedSuccess(taskId), deps)).toEqual({ status: 200, result: 'applied' });
    // What a delivery writes (the archive copy runs on its own in the background).
    const taskFields = async () => {
      const current = await getGenerationForWorker({ id: row.id });
      return current && { state: current.state, resultUrls: current.resultUrls, pollCount: current.pollCount, completedAt: current.completedAt, updatedAt: current.updatedAt };
    };
    const after = await taskFields();
    const calls = (await getStats(emulator.url)).statusCalls;
    expect(await handleCallback(token, claimedSuccess(taskId), deps)).toEqual({ status: 200, result: 'unchanged' });
    expect(await taskFields()).toEqual(after);
    // Nothing left to confirm: a replay costs no status call.
    expect((await getStats(emulator.url)).statusCalls).toBe(calls);
  });

  it('leaves a task open, due for a normal poll, when the status call says it is not finished', async () => {
    const taskId = await createIn(slowDeps.wan as WanClient);
    const { row, token } = await webhookGeneration({ taskId });
    const before = Date.now();
    expect(await handleCallback(token, claimedSuccess(taskId), slowDeps)).toEqual({ status: 200, result: 'applied' });
    const after = await getGenerationForWorker({ id: row.id });
    expect(after?.state).toMatch(/^(pending|processing)$/);
    expect(after?.resultUrls).toBeNull();
    expect(after?.nextPollAt?.getTime()).toBeGreaterThanOrEqual(before + POLL_INTERVAL_MS);
    expect(after?.nextPollAt?.getTime()).toBeLessThanOrEqual(Date.now() + POLL_INTERVAL_MS);
  });

  it('does not apply a success it cannot confirm (service unreachable); the task is due for a poll soon', async () => {
    const { row, token } = await webhookGeneration();
    expect(await handleCallback(token, claimedSuccess(row.taskId), unreachable)).toEqual({ status: 200, result: 'deferred' });
    const after = await getGenerationForWorker({ id: row.id });
    expect(after).toMatchObject({ state: 'processing', resultUrls: null, completedAt: null });
    expect(after?.nextPollAt?.getTime()).toBeLessThanOrEqual(Date.now() + POLL_INTERVAL_MS);
  });

  it('applies a failure directly, without a status call', async () => {
    const { row, token } = await webhookGeneration();
    expect(await handleCallback(token, failure(row.taskId), unreachable)).toEqual({ status: 200, result: 'applied' });
    expect(await getGenerationForWorker({ id: row.id })).toMatchObject({ state: 'failed', failCode: 'CONTENT_POLICY', pollCount: 0 });
  });

  it('answers 404 to a wrong or malformed secret, and changes nothing', async () => {
    const { row } = await webhookGeneration();
    expect(await handleCallback(`${row.id}.${newCallbackSecret()}`, claimedSuccess(row.taskId), deps)).toEqual({ status: 404 });
    expect(await handleCallback('nonsense', claimedSuccess(row.taskId), deps)).toEqual({ status: 404 });
    expect((await getGenerationForWorker({ id: row.id }))?.state).toBe('processing');
  });

  it('refuses a payload that is not a status envelope, or is for another task', async () => {
    const { row, token } = await webhookGeneration();
    expect(await handleCallback(token, { hello: 'world' }, deps)).toMatchObject({ status: 400 });
    expect(await handleCallback(token, claimedSuccess('task_other'), deps)).toMatchObject({ status: 400 });
    expect((await getGenerationForWorker({ id: row.id }))?.state).toBe('processing');
  });

  it('adopts the task of a send whose answer was lost: its own secret proves it was created, the status call confirms it', async () => {
    const { taskId, resultUrl } = await finishedTask();
    const { row, token } = await webhookGeneration({ state: 'unknown', taskId: null, failCode: 'OUTCOME_UNKNOWN' });
    expect(await handleCallback(token, claimedSuccess(taskId), deps)).toEqual({ status: 200, result: 'applied' });
    expect(await getGenerationForWorker({ id: row.id })).toMatchObject({ state: 'success', taskId, resultUrls: [resultUrl], failCode: null });
  });

  it('adopts a lost send’s task for polling when its success cannot be confirmed yet', async () => {
    const { row, token } = await webhookGeneration({ state: 'unknown', taskId: null, failCode: 'OUTCOME_UNKNOWN' });
    expect(await handleCallback(token, claimedSuccess('task_recovered'), unreachable)).toEqual({ status: 200, result: 'deferred' });
    expect(await getGenerationForWorker({ id: row.id })).toMatchObject({ state: 'processing', taskId: 'task_recovered', resultUrls: null, failCode: null });
  });
});
