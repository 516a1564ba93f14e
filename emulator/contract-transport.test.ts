import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_B, startTestEmulator, type TestEmulator } from './test-kit';

/** Contract § Transport and § Also on the same host. */
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ rateLimitPerMinute: 1_000 });
});
afterAll(() => emulator.stop());

const CREATE = '/generateTask/wan-2-5';
const input = { prompt: 'forbidden transport probe', seed: 1 };

describe('Transport: every request carries Authorization: Bearer <key>', () => {
  it.each([
    ['missing', null],
    ['unknown', 'not-a-key'],
  ])('a %s key gets 401 {"code":401,"message":"Invalid or missing API key"} on every route', async (_label, key) => {
    const replies = await Promise.all([
      emulator.call(CREATE, { key, body: { input } }),
      emulator.call('/statusTask/wan-2-5?taskId=task_x', { key }),
      emulator.call('/apikeys/current-balance', { key }),
    ]);
    for (const reply of replies) {
      expect(reply.httpStatus).toBe(401);
      expect(reply.envelope).toEqual({ code: 401, message: 'Invalid or missing API key' });
    }
  });

  it('a known key with POST Content-Type: application/json is served', async () => {
    const reply = await emulator.call(CREATE, { body: { input } });
    expect(reply.httpStatus).toBe(200);
  });

  it('a non-Bearer scheme is refused', async () => {
    const response = await fetch(`${emulator.apiBaseUrl}/apikeys/current-balance`, { headers: { Authorization: 'Basic dGVzdC1rZXktYQ==' } });
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});

describe('Transport: the envelope {code, message, data?} has code == HTTP status', () => {
  it.each([
    ['200 success', CREATE, { body: { input } }, 200],
    ['400 invalid request', CREATE, { body: { input: {} } }, 400],
    ['401 bad key', '/apikeys/current-balance', { key: 'nope' }, 401],
    ['404 unknown task', '/statusTask/wan-2-5?taskId=task_missing', {}, 404],
    ['404 unknown model', '/generateTask/wan-9-9', { body: { input } }, 404],
    ['405 wrong method', '/statusTask/wan-2-5', { body: {} }, 405],
  ] as const)('%s', async (_label, path, init, status) => {
    const reply = await emulator.call(path, init);
    expect(reply.httpStatus).toBe(status);
    expect(reply.envelope.code).toBe(status);
    expect(typeof reply.envelope.message).toBe('string');
  });
});

describe('Errors: 404 unknown model or task', () => {
  it('an unknown model answers 404 "Model not found" for create and status', async () => {
    for (const path of ['/generateTask/wan-9-9', '/statusTask/wan-9-9?taskId=task_x']) {
      const reply = await emulator.call(path, path.startsWith('/generate') ? { body: { input } } : {});
      expect(reply).toEqual({ httpStatus: 404, envelope: { code: 404, message: 'Model not found' } });
    }
  });

  it('an unknown path answers 404 "Not found"', async () => {
    expect((await emulator.call('/nothing-here')).envelope).toEqual({ code: 404, message: 'Not found' });
  });
});

describe('Also on the same host: GET /apikeys/current-balance', () => {
  it('returns the key’s balance in USD as a bare number in data, dropping as that key creates tasks', async () => {
    const reply = await emulator.call('/apikeys/current-balance', { key: KEY_B });
    expect(reply.envelope).toEqual({ code: 200, message: 'success', data: 1000 });
    const before = await emulator.balance(KEY_B);
    await emulator.createTask(input, {}, KEY_B);
    expect(await emulator.balance(KEY_B)).toBeLessThan(before);
  });
});
