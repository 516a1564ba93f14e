import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFaults, getStats, resetEmulator, setFaults, type Faults } from './admin-client';
import { isLoopbackAddress } from './admin-routes';
import { parseEmulatorEnv } from './emulator-env';
import { startTestEmulator, type TestEmulator } from './test-kit';

/** The emulator-only admin API: /__admin/faults, /__admin/reset, /__admin/stats. */
describe('open on loopback when no admin token is set', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ faults: { latencyMs: 5 } });
  });
  afterAll(() => emulator.stop());

  async function putFaults(body: string) {
    const response = await fetch(`${emulator.url}/__admin/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it('starts with the faults given at start, and PUT replaces them all', async () => {
    expect(await getFaults(emulator.url)).toEqual({ latencyMs: 5 });
    const next: Faults = { errorRate: 0.25, errorStatuses: [502], rateLimitBurst: { count: 3, retryAfterSeconds: 2 }, routes: ['status'] };
    expect(await setFaults(`${emulator.apiBaseUrl}/`, next)).toEqual(next);
    expect(await getFaults(emulator.url)).toEqual(next);
  });

  it.each([
    ['{"errorRate": 2}', 'errorRate must be between 0 and 1 (at errorRate)'],
    ['{"errorRat": 0.5}', 'Unrecognized key: "errorRat"'],
    ['{"errorStatuses": [418]}', 'errorStatuses may only contain 500, 502, 503, 504 (at errorStatuses.0)'],
    ['{"routes": ["admin"]}', 'routes may only contain create, status, files, balance (at routes.0)'],
    ['{"rateLimitBurst": {"count": 0}}', 'rateLimitBurst.count must be at least 1 (at rateLimitBurst.count)'],
    ['{"failNext": {"count": 1}}', 'failNext.failCode must be a string (at failNext.failCode)'],
    ['{"latencyMs": -1}', 'latencyMs must be between 0 and 120000 (at latencyMs)'],
    ['{"failNext": 1}', 'failNext must be an object like {"count": 1, "failCode": "GENERATION_FAILED"} (at failNext)'],
    ['[]', 'faults must be a JSON object'],
    ['{"latencyMs": ', 'Invalid JSON body'],
  ])('PUT %s answers 400 with a clear message', async (body, error) => {
    expect(await putFaults(body)).toEqual({ status: 400, body: { error } });
  });

  it('stats count calls, answers by status, tasks per key and provider per task; reset zeroes them', async () => {
    await resetEmulator(emulator.url);
    const taskId = await emulator.createTask({ prompt: 'forbidden stats probe', seed: 1 });
    await emulator.status(taskId);
    await emulator.call('/apikeys/current-balance', { key: null });
    expect(await getStats(emulator.url)).toEqual({
      tasksCreated: 1,
      createCalls: 1,
      statusCalls: 1,
      balanceCalls: 1,
      fileCalls: 0,
      callbacksDelivered: 0,
      callbackAttempts: 0,
      callbacksSuppressed: 0,
      connectionsDropped: 0,
      responsesByStatus: { 200: 2, 401: 1 },
      tasksByKey: { 'test-key-a': 1 },
      providerByTask: { [taskId]: 'value' },
    });
    await setFaults(emulator.url, { errorRate: 1 });
    await resetEmulator(emulator.url);
    expect(await getFaults(emulator.url)).toEqual({});
    expect((await getStats(emulator.url)).tasksCreated).toBe(0);
    expect((await emulator.status(taskId)).taskId).toBe(taskId);
  });

  it('unknown admin routes answer 404 naming the real ones', async () => {
    const response = await fetch(`${emulator.url}/__admin/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'No admin route GET nope; try GET/PUT faults, PUT balance, POST reset, GET stats' });
  });

  it('only loopback callers count as local', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1', undefined].some(isLoopbackAddress)).toBe(false);
  });
});

describe('with EMULATOR_ADMIN_TOKEN set', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ adminToken: 'admin-secret' });
  });
  afterAll(() => emulator.stop());

  it('refuses calls without the x-emulator-admin header and serves those with it', async () => {
    await expect(getStats(emulator.url, { adminToken: 'wrong' })).rejects.toThrow(
      'Emulator admin GET stats failed with HTTP 401: Missing or wrong x-emulator-admin header',
    );
    const response = await fetch(`${emulator.url}/__admin/faults`);
    expect(response.status).toBe(401);
    expect(await getFaults(emulator.url, { adminToken: 'admin-secret' })).toEqual({});
  });
});

describe('environment', () => {
  it('parses EMULATOR_FAULTS as JSON faults, and the limits with their documented defaults', () => {
    const parsed = parseEmulatorEnv({ EMULATOR_FAULTS: '{"latencyMs":200,"errorRate":0.3}', EMULATOR_ADMIN_TOKEN: 't' });
    expect(parsed).toMatchObject({
      ok: true,
      env: {
        EMULATOR_FAULTS: { latencyMs: 200, errorRate: 0.3 },
        EMULATOR_RATE_LIMIT_PER_MINUTE: 10_000,
        EMULATOR_MAX_CONCURRENT_TASKS: 1_000,
        EMULATOR_ADMIN_TOKEN: 't',
      },
    });
    const blanks = parseEmulatorEnv({ EMULATOR_RATE_LIMIT_PER_MINUTE: '60', EMULATOR_MAX_CONCURRENT_TASKS: '', EMULATOR_FAULTS: '' });
    expect(blanks).toMatchObject({ ok: true, env: { EMULATOR_RATE_LIMIT_PER_MINUTE: 60, EMULATOR_MAX_CONCURRENT_TASKS: 1_000 } });
    expect(blanks.ok && blanks.env.EMULATOR_FAULTS).toBeUndefined();
  });

  it('reports bad EMULATOR_FAULTS clearly', () => {
    expect(parseEmulatorEnv({ EMULATOR_FAULTS: '{latency' })).toEqual({
      ok: false,
      problems: ['EMULATOR_FAULTS: must be JSON, e.g. {"latencyMs":200,"errorRate":0.3}'],
    });
    expect(parseEmulatorEnv({ EMULATOR_FAULTS: '{"dropRate":3}' })).toEqual({
      ok: false,
      problems: ['EMULATOR_FAULTS.dropRate: dropRate must be between 0 and 1'],
    });
  });
});
