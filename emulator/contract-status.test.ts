import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKED_PROMPT_WORDS } from './content-policy';
import { KEY_B, resultUrlOf, startTestEmulator, type TestEmulator } from './test-kit';

/** Contract § GET /statusTask/wan-2-5: fields per state, failures, unknown tasks. */
let emulator: TestEmulator;
beforeAll(async () => {
  // Pending lasts 15 % of the clip: at 0.02 that is ≥ 150 ms, wide enough to be seen on a loaded machine.
  emulator = await startTestEmulator({ timeScale: 0.02 });
});
afterAll(() => emulator.stop());

const input = { prompt: 'a paper boat drifting down a rainy street', seed: 1234 };

describe('state: pending → processing → success', () => {
  it('walks the states in order, with only taskId, state and createTime until finished', async () => {
    const before = Date.now();
    const taskId = await emulator.createTask(input);
    const first = await emulator.status(taskId);
    expect(first).toEqual({ taskId, state: 'pending', createTime: expect.any(Number) });
    expect(first.createTime).toBeGreaterThanOrEqual(before);
    expect(first.createTime).toBeLessThanOrEqual(Date.now());
    const { final, seen } = await emulator.waitForFinish(taskId);
    expect(seen).toEqual(['pending', 'processing', 'success']);
    expect(final.failCode).toBeUndefined();
    expect(final.failMsg).toBeUndefined();
  });
});

describe('resultJson: on success a JSON string {"resultUrls":["…mp4"]}, parsed twice', () => {
  it('is a string holding one mp4 URL', async () => {
    const { final } = await emulator.waitForFinish(await emulator.createTask(input));
    expect(typeof final.resultJson).toBe('string');
    expect(JSON.parse(final.resultJson ?? '')).toEqual({ resultUrls: [expect.stringMatching(/\.mp4$/)] });
    expect(resultUrlOf(final)).toMatch(new RegExp(`^${emulator.url}/files/[0-9a-f]{64}\\.mp4$`));
  });
});

describe('createTime, completeTime, costTime: Unix ms, ms', () => {
  it('completeTime and costTime appear once finished, costTime = completeTime − createTime', async () => {
    const { final } = await emulator.waitForFinish(await emulator.createTask(input));
    expect(Number.isInteger(final.createTime)).toBe(true);
    expect(Number.isInteger(final.completeTime)).toBe(true);
    expect(final.completeTime).toBeGreaterThan(final.createTime);
    expect(final.costTime).toBe((final.completeTime ?? 0) - final.createTime);
  });
});

describe('A failed task is HTTP 200 / code 200 with state failed, failCode and failMsg', () => {
  it('CONTENT_VIOLATION: a blocklisted prompt fails at completion time', async () => {
    expect(BLOCKED_PROMPT_WORDS).toEqual(['forbidden', 'gore', 'nsfw']);
    const taskId = await emulator.createTask({ prompt: 'a Forbidden ritual at midnight', seed: 3 });
    const { seen } = await emulator.waitForFinish(taskId);
    expect(seen).toEqual(['pending', 'processing', 'failed']);
    const reply = await emulator.call(`/statusTask/wan-2-5?taskId=${taskId}`);
    expect(reply.httpStatus).toBe(200);
    expect(reply.envelope).toEqual({
      code: 200,
      message: 'success',
      data: {
        taskId,
        state: 'failed',
        failCode: 'CONTENT_VIOLATION',
        failMsg: 'Content violates safety guidelines',
        createTime: expect.any(Number),
        completeTime: expect.any(Number),
        costTime: expect.any(Number),
      },
    });
  });

  it('matches blocklisted words case-insensitively', async () => {
    const taskId = await emulator.createTask({ prompt: 'unforbiddenly calm NSFW', seed: 3 });
    expect((await emulator.waitForFinish(taskId)).final.failCode).toBe('CONTENT_VIOLATION');
  });
});

describe('Unknown taskId: 404', () => {
  it('an unknown task answers 404 "Task not found"', async () => {
    const reply = await emulator.call('/statusTask/wan-2-5?taskId=task_nope');
    expect(reply).toEqual({ httpStatus: 404, envelope: { code: 404, message: 'Task not found' } });
  });

  it('another key’s task is unknown to this key', async () => {
    const taskId = await emulator.createTask({ prompt: 'forbidden foreign task', seed: 1 });
    expect((await emulator.call(`/statusTask/wan-2-5?taskId=${taskId}`, { key: KEY_B })).httpStatus).toBe(404);
  });

  it('a missing taskId answers 400 naming it', async () => {
    const reply = await emulator.call('/statusTask/wan-2-5');
    expect(reply.httpStatus).toBe(400);
    expect(reply.envelope.data).toEqual({ error: 'Missing required query parameter: taskId' });
  });
});
