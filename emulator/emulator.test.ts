import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_B, startTestEmulator, type TestEmulator } from './test-kit';

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.stop();
});

const validInput = { prompt: 'a lighthouse in a storm', seed: 7 };

describe('authentication', () => {
  it.each([
    ['missing', null],
    ['unknown', 'not-a-key'],
  ])('refuses a %s key with 401', async (_label, key) => {
    const create = await emulator.call('/generateTask/wan-2-5', { key, body: { input: validInput } });
    const status = await emulator.call('/statusTask/wan-2-5?taskId=task_x', { key });
    for (const reply of [create, status]) {
      expect(reply.httpStatus).toBe(401);
      expect(reply.envelope).toEqual({ code: 401, message: 'Invalid or missing API key' });
    }
  });
});

describe('request validation', () => {
  it.each([
    ['missing prompt', { input: { seed: 1 } }, 'Missing required field: input.prompt'],
    ['missing input', { provider: 'auto' }, 'Missing required field: input'],
    ['empty prompt', { input: { prompt: '' } }, 'input.prompt must not be empty'],
    ['801-char prompt', { input: { prompt: 'x'.repeat(801) } }, 'input.prompt must be at most 800 characters'],
    ['501-char negative prompt', { input: { ...validInput, negative_prompt: 'n'.repeat(501) } }, 'input.negative_prompt must be at most 500 characters'],
    ['duration 7', { input: { ...validInput, duration: 7 } }, 'input.duration must be 5 or 10'],
    ['duration 5.5', { input: { ...validInput, duration: '5.5' } }, 'input.duration must be 5 or 10'],
    ['aspect ratio 4:3', { input: { ...validInput, aspect_ratio: '4:3' } }, 'input.aspect_ratio must be 16:9, 9:16 or 1:1'],
    ['resolution 480p', { input: { ...validInput, resolution: '480p' } }, 'input.resolution must be 720p or 1080p'],
    ['negative seed', { input: { ...validInput, seed: -1 } }, 'input.seed must be an integer between 0 and 2147483647'],
    ['seed too large', { input: { ...validInput, seed: 2147483648 } }, 'input.seed must be an integer between 0 and 2147483647'],
    ['fractional seed', { input: { ...validInput, seed: 1.5 } }, 'input.seed must be an integer between 0 and 2147483647'],
    ['string expansion flag', { input: { ...validInput, enable_prompt_expansion: 'yes' } }, 'input.enable_prompt_expansion must be a boolean'],
    ['unknown mode', { input: { ...validInput, mode: 'video-to-video' } }, 'input.mode must be text-to-video or image-to-video'],
    ['image-to-video without image', { input: { ...validInput, mode: 'image-to-video' } }, 'input.image_urls must contain exactly 1 URL for image-to-video'],
    ['two images', { input: { ...validInput, mode: 'image-to-video', image_urls: ['https://a.test/1.png', 'https://a.test/2.png'] } }, 'input.image_urls must contain exactly 1 URL for image-to-video'],
    ['unknown provider', { provider: 'cheap', input: validInput }, 'provider must be auto, value or official'],
    ['unknown request type', { request_type: 'sync', input: validInput }, 'request_type must be async or callback'],
    ['callback without url', { request_type: 'callback', input: validInput }, 'Missing required field: callback_url'],
    ['plain-http public callback', { request_type: 'callback', callback_url: 'http://example.com/hook', input: validInput }, 'callback_url must be an https URL (http is accepted only on loopback)'],
    ['array body', [], 'Request body must be a JSON object'],
  ])('rejects %s with 400 and a reason', async (_label, body, error) => {
    const reply = await emulator.call('/generateTask/wan-2-5', { body });
    expect(reply.httpStatus).toBe(400);
    expect(reply.envelope).toEqual({ code: 400, message: 'Invalid request', data: { error } });
  });

  it('rejects a body that is not JSON', async () => {
    const reply = await emulator.call('/generateTask/wan-2-5', { rawBody: '{"input": {' });
    expect(reply.httpStatus).toBe(400);
    expect(reply.envelope.data).toEqual({ error: 'Invalid JSON body' });
  });

  it('accepts string durations, unknown fields and loopback callbacks', async () => {
    const reply = await emulator.call('/generateTask/wan-2-5', {
      body: {
        source: 'mcp',
        request_type: 'callback',
        callback_url: 'http://127.0.0.1:9/never-answers',
        input: { ...validInput, duration: '5', style: 'noir' },
      },
    });
    expect(reply.httpStatus).toBe(200);
    expect(reply.envelope).toEqual({ code: 200, message: 'success', data: { taskId: expect.stringMatching(/^task_[0-9a-f]+$/) } });
  });
});

describe('not found', () => {
  it('answers 404 for an unknown task and for another key’s task', async () => {
    expect((await emulator.call('/statusTask/wan-2-5?taskId=task_nope')).envelope).toEqual({ code: 404, message: 'Task not found' });
    const taskId = await emulator.createTask(validInput);
    const foreign = await emulator.call(`/statusTask/wan-2-5?taskId=${taskId}`, { key: KEY_B });
    expect(foreign.httpStatus).toBe(404);
  });

  it('answers 400 when taskId is missing', async () => {
    const reply = await emulator.call('/statusTask/wan-2-5');
    expect(reply.httpStatus).toBe(400);
    expect(reply.envelope.data).toEqual({ error: 'Missing required query parameter: taskId' });
  });

  it('answers 404 for an unknown model or path', async () => {
    const model = await emulator.call('/generateTask/wan-9', { body: { input: validInput } });
    expect(model.httpStatus).toBe(404);
    expect(model.envelope.code).toBe(404);
    expect((await emulator.call('/nothing-here')).httpStatus).toBe(404);
  });
});

it('reports a balance that drops as tasks are created', async () => {
  const balanceOf = async () => (await emulator.call('/apikeys/current-balance', { key: KEY_B })).envelope.data;
  const before = await balanceOf();
  expect(before).toEqual({ balance: expect.any(Number) });
  await emulator.createTask(validInput, {}, KEY_B);
  expect(await balanceOf()).not.toEqual(before);
});
