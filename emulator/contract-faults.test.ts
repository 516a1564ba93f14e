import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getFaults, getStats, resetEmulator, setFaults } from './admin-client';
import { startCallbackReceiver, type CallbackReceiver } from './test-callback-receiver';
import { resultUrlOf, startTestEmulator, waitUntil, type TestEmulator } from './test-kit';

/** Fault injection: one test per fault mode, with a scripted random source so rates are deterministic. */
const scriptedRandom: number[] = [];
let emulator: TestEmulator;
let receiver: CallbackReceiver;
beforeAll(async () => {
  const random = () => scriptedRandom.shift() ?? 0.999;
  [emulator, receiver] = await Promise.all([startTestEmulator({ random }), startCallbackReceiver()]);
});
afterAll(async () => {
  await Promise.all([emulator.stop(), receiver.close()]);
});
beforeEach(async () => {
  scriptedRandom.length = 0;
  await resetEmulator(emulator.url);
});

const BALANCE = '/apikeys/current-balance';
const CREATE = '/generateTask/wan-2-5';
const cheapInput = { prompt: 'forbidden fault probe', seed: 5 };

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

describe('Faults are off by default', () => {
  it('GET /__admin/faults is {} and calls succeed', async () => {
    expect(await getFaults(emulator.url)).toEqual({});
    expect((await emulator.call(BALANCE)).httpStatus).toBe(200);
  });
});

describe('latencyMs: a delay before answering, in real time', () => {
  it('delays every API route, or only the routes it is scoped to', async () => {
    await setFaults(emulator.url, { latencyMs: 150 });
    expect((await timed(() => emulator.call(BALANCE))).ms).toBeGreaterThanOrEqual(145);
    await setFaults(emulator.url, { latencyMs: 150, routes: ['status'] });
    expect((await timed(() => emulator.call(BALANCE))).ms).toBeLessThan(100);
    expect((await timed(() => emulator.call('/statusTask/wan-2-5?taskId=task_x'))).ms).toBeGreaterThanOrEqual(145);
  });
});

describe('errorRate + errorStatuses: a fraction of answers become 5xx envelopes', () => {
  it('fires when the random draw is under the rate, with the chosen status', async () => {
    await setFaults(emulator.url, { errorRate: 0.5, errorStatuses: [502, 504] });
    scriptedRandom.push(0.4, 0.9, 0.6);
    const failed = await emulator.call(BALANCE);
    expect(failed).toEqual({ httpStatus: 504, envelope: { code: 504, message: 'Gateway timeout' } });
    expect((await emulator.call(BALANCE)).httpStatus).toBe(200);
  });

  it('defaults to 500 and 503, and an injected error on create creates no task', async () => {
    await setFaults(emulator.url, { errorRate: 1 });
    scriptedRandom.push(0, 0, 0.5, 0.99);
    expect((await emulator.call(BALANCE)).envelope).toEqual({ code: 500, message: 'Internal server error' });
    expect((await emulator.call(CREATE, { body: { input: cheapInput } })).envelope).toEqual({ code: 503, message: 'Service unavailable' });
    expect((await getStats(emulator.url)).tasksCreated).toBe(0);
  });

  it('per-fault scope: routesFor overrides routes', async () => {
    await setFaults(emulator.url, { errorRate: 1, routesFor: { errorRate: ['create'] } });
    expect((await emulator.call(BALANCE)).httpStatus).toBe(200);
    expect((await emulator.call(CREATE, { body: { input: cheapInput } })).httpStatus).toBeGreaterThanOrEqual(500);
  });
});

describe('rateLimitBurst: the next n requests get 429', () => {
  it('without Retry-After unless asked, then normal service resumes', async () => {
    await setFaults(emulator.url, { rateLimitBurst: { count: 2 } });
    for (let i = 0; i < 2; i++) {
      const reply = await emulator.rawCall(BALANCE);
      expect(reply.httpStatus).toBe(429);
      expect(JSON.parse(reply.text)).toEqual({ code: 429, message: 'Rate limit exceeded' });
      expect(reply.headers.get('retry-after')).toBeNull();
    }
    expect((await emulator.call(BALANCE)).httpStatus).toBe(200);
    expect(await getFaults(emulator.url)).toEqual({});
  });

  it('with a Retry-After header when retryAfterSeconds is given', async () => {
    await setFaults(emulator.url, { rateLimitBurst: { count: 1, retryAfterSeconds: 7 } });
    const reply = await emulator.rawCall(BALANCE);
    expect(reply.httpStatus).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('7');
  });
});

describe('malformedRate: a 200 whose body is not JSON', () => {
  it('truncates API answers', async () => {
    await setFaults(emulator.url, { malformedRate: 1 });
    const reply = await emulator.rawCall(BALANCE);
    expect(reply.httpStatus).toBe(200);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(reply.text)).toThrow();
  });

  it('truncates result files (half the bytes)', async () => {
    const { final } = await emulator.waitForFinish(await emulator.createTask({ prompt: 'a quiet harbour', seed: 8 }));
    const url = resultUrlOf(final);
    const whole = (await (await fetch(url)).arrayBuffer()).byteLength;
    await setFaults(emulator.url, { malformedRate: 1, routes: ['files'] });
    const truncated = await fetch(url);
    expect(truncated.status).toBe(200);
    expect((await truncated.arrayBuffer()).byteLength).toBe(Math.floor(whole / 2));
  });
});

describe('dropRate: the connection is destroyed without an answer', () => {
  it('fails the request at the network level and creates nothing', async () => {
    await setFaults(emulator.url, { dropRate: 1 });
    await expect(emulator.call(CREATE, { body: { input: cheapInput } })).rejects.toThrow();
    await expect(emulator.call(BALANCE)).rejects.toThrow();
    const stats = await getStats(emulator.url);
    expect(stats).toMatchObject({ tasksCreated: 0, createCalls: 1, balanceCalls: 1, connectionsDropped: 2 });
  });
});

describe('createSucceedsButDrops: the task exists but the answer is lost', () => {
  it('{"count":1} drops one create that really created a task; the next create answers', async () => {
    await setFaults(emulator.url, { createSucceedsButDrops: { count: 1 } });
    await expect(emulator.call(CREATE, { body: { input: cheapInput } })).rejects.toThrow();
    const [lostTaskId] = Object.keys((await getStats(emulator.url)).providerByTask);
    expect(lostTaskId).toMatch(/^task_/);
    expect((await emulator.status(lostTaskId ?? '')).taskId).toBe(lostTaskId);
    expect((await emulator.call(CREATE, { body: { input: cheapInput } })).httpStatus).toBe(200);
    expect((await getStats(emulator.url)).tasksCreated).toBe(2);
  });
});

describe('callbacksNeverCome: finished tasks never POST their callback', () => {
  it('suppresses the delivery', async () => {
    await setFaults(emulator.url, { callbacksNeverCome: true });
    const path = '/ok/never';
    const taskId = await emulator.createTask(cheapInput, { request_type: 'callback', callback_url: receiver.url(path) });
    await emulator.waitForFinish(taskId);
    await waitUntil(async () => (await getStats(emulator.url)).callbacksSuppressed === 1, 'the suppressed callback');
    expect(receiver.deliveriesTo(path)).toEqual([]);
  });
});

describe('providerFault: auto fails over to official', () => {
  it('records official as the provider actually used', async () => {
    await setFaults(emulator.url, { providerFault: true });
    const taskId = await emulator.createTask(cheapInput, { provider: 'auto' });
    expect((await getStats(emulator.url)).providerByTask).toEqual({ [taskId]: 'official' });
  });
});

describe('failNext: the next n created tasks fail with the given platform code', () => {
  it('fails exactly n tasks with failCode/failMsg, then tasks behave normally again', async () => {
    await setFaults(emulator.url, { failNext: { count: 2, failCode: 'PROCESSING_TIMEOUT', failMsg: 'Took too long' } });
    const failing = await Promise.all([emulator.createTask({ prompt: 'a calm lake', seed: 1 }), emulator.createTask({ prompt: 'a calm lake', seed: 1 })]);
    expect(await getFaults(emulator.url)).toEqual({});
    const normal = await emulator.createTask(cheapInput);
    for (const taskId of failing) {
      expect((await emulator.waitForFinish(taskId)).final).toMatchObject({ state: 'failed', failCode: 'PROCESSING_TIMEOUT', failMsg: 'Took too long' });
    }
    expect((await emulator.waitForFinish(normal)).final.failCode).toBe('CONTENT_VIOLATION');
  });

  it('defaults failMsg from the code, so any code can be tested', async () => {
    await setFaults(emulator.url, { failNext: { count: 1, failCode: 'GENERATION_FAILED' } });
    const { final } = await emulator.waitForFinish(await emulator.createTask(cheapInput));
    expect(final).toMatchObject({ failCode: 'GENERATION_FAILED', failMsg: 'Task failed (GENERATION_FAILED)' });
  });
});

describe('Admin routes are never faulted', () => {
  it('still answer while every API request is dropped', async () => {
    await setFaults(emulator.url, { dropRate: 1, latencyMs: 2_000 });
    expect((await timed(() => getStats(emulator.url))).ms).toBeLessThan(1_000);
  });
});
