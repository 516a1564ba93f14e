import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_WINDOW_MS } from './rate-limiter';
import { KEY_A, KEY_B, startTestEmulator, type TestEmulator } from './test-kit';

/** Contract § Errors 429 and § Timing and limits: requests per minute and concurrent tasks per key. */
const RATE_LIMITED = { code: 429, message: 'Rate limit exceeded' };

describe('429: over N requests per minute per key', () => {
  let clock = 1_700_000_000_000;
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimitPerMinute: 3, now: () => clock });
  });
  afterAll(() => emulator.stop());

  it('the request past the limit gets 429 {"code":429,"message":"Rate limit exceeded"} without Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await emulator.call('/apikeys/current-balance', { key: `bad-${i}` })).httpStatus).toBe(401);
    for (let i = 0; i < 3; i++) expect((await emulator.call('/apikeys/current-balance')).httpStatus).toBe(200);
    const limited = await emulator.rawCall('/statusTask/wan-2-5?taskId=task_x');
    expect(limited.httpStatus).toBe(429);
    expect(JSON.parse(limited.text)).toEqual(RATE_LIMITED);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect((await emulator.call('/generateTask/wan-2-5', { body: { input: { prompt: 'forbidden' } } })).envelope).toEqual(RATE_LIMITED);
  });

  it('each key has its own window', async () => {
    expect((await emulator.call('/apikeys/current-balance', { key: KEY_B })).httpStatus).toBe(200);
  });

  it('the 401 check comes first: a bad key gets 401, not 429, and (above) uses up no window', async () => {
    expect((await emulator.call('/apikeys/current-balance', { key: null })).httpStatus).toBe(401);
  });

  it('the window slides in real time (60 s, not scaled by timeScale)', async () => {
    clock += RATE_WINDOW_MS - 1;
    expect((await emulator.call('/apikeys/current-balance', { key: KEY_A })).httpStatus).toBe(429);
    clock += 1;
    expect((await emulator.call('/apikeys/current-balance', { key: KEY_A })).httpStatus).toBe(200);
  });
});

describe('429: over M concurrently open tasks per key, on create', () => {
  let clock = 1_700_000_000_000;
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ maxConcurrentTasks: 2, timeScale: 1, now: () => clock });
  });
  afterAll(() => emulator.stop());

  // Blocklisted prompts finish without rendering, so only the clock decides when they close.
  const input = { prompt: 'forbidden concurrency probe', seed: 1 };

  it('the create past M pending/processing tasks gets 429; status calls still work', async () => {
    const first = await emulator.createTask(input);
    await emulator.createTask(input);
    const third = await emulator.call('/generateTask/wan-2-5', { body: { input } });
    expect(third).toEqual({ httpStatus: 429, envelope: RATE_LIMITED });
    expect((await emulator.status(first)).state).toBe('pending');
    expect((await emulator.createTask(input, {}, KEY_B)).startsWith('task_')).toBe(true);
  });

  it('finished tasks free their slots', async () => {
    clock += 200_000;
    expect((await emulator.call('/generateTask/wan-2-5', { body: { input } })).httpStatus).toBe(200);
  });
});
