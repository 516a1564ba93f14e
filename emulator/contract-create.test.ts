import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultUrlOf, startTestEmulator, type TestEmulator } from './test-kit';

/** Contract § POST /generateTask/wan-2-5: one test per body row, valid and invalid values. */
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.stop());

const CREATE = '/generateTask/wan-2-5';
// The blocklisted word ends each task without a render, so accepted-value checks stay cheap.
const input = { prompt: 'forbidden create probe', seed: 7 };

async function expectAccepted(body: unknown) {
  const reply = await emulator.call(CREATE, { body });
  expect(reply.envelope).toEqual({ code: 200, message: 'success', data: { taskId: expect.stringMatching(/^task_\w+$/) } });
  expect(reply.httpStatus).toBe(200);
}

async function expectRejected(body: unknown, error: string) {
  const reply = await emulator.call(CREATE, { body });
  expect(reply.httpStatus).toBe(400);
  expect(reply.envelope).toEqual({ code: 400, message: 'Invalid request', data: { error } });
}

describe('Success: 200 {"code":200,"message":"success","data":{"taskId":"task_…"}}', () => {
  it('answers a minimal valid body with an opaque taskId', () => expectAccepted({ input }));
});

describe('request_type: async (default) or callback', () => {
  it.each(['async', 'callback'])('accepts %s', (requestType) =>
    expectAccepted({ request_type: requestType, callback_url: 'https://hooks.invalid/wan/secret', input }),
  );
  it('rejects any other value', () => expectRejected({ request_type: 'sync', input }, 'request_type must be async or callback'));
});

describe('callback_url: required for callback, https (or http on loopback)', () => {
  it('is required when request_type is callback', () =>
    expectRejected({ request_type: 'callback', input }, 'Missing required field: callback_url'));
  it.each(['https://hooks.invalid/x', 'http://127.0.0.1:9/x', 'http://localhost:9/x', 'http://[::1]:9/x'])('accepts %s', (url) =>
    expectAccepted({ request_type: 'callback', callback_url: url, input }),
  );
  it.each(['http://example.com/hook', 'ftp://127.0.0.1/x', 'not a url'])('rejects %s', (url) =>
    expectRejected({ request_type: 'callback', callback_url: url, input }, 'callback_url must be an https URL (http is accepted only on loopback)'),
  );
});

describe('provider: auto (default), value or official', () => {
  it.each(['auto', 'value', 'official'])('accepts %s', (provider) => expectAccepted({ provider, input }));
  it('rejects any other value', () => expectRejected({ provider: 'cheap', input }, 'provider must be auto, value or official'));
  it('defaults to auto, which is served by the value partner', async () => {
    const taskId = await emulator.createTask(input);
    expect(emulator.stats().providerByTask[taskId]).toBe('value');
  });
});

describe('input: required object', () => {
  it('is required', () => expectRejected({ provider: 'auto' }, 'Missing required field: input'));
  it('must be an object', () => expectRejected({ input: 'a cat' }, 'input must be an object'));
  it('the body must be a JSON object', async () => {
    await expectRejected([], 'Request body must be a JSON object');
    const reply = await emulator.call(CREATE, { rawBody: '{"input": {' });
    expect(reply.envelope).toEqual({ code: 400, message: 'Invalid request', data: { error: 'Invalid JSON body' } });
  });
});

describe('Unknown top-level and input fields are accepted and ignored', () => {
  it('accepts source and unknown input fields', () => expectAccepted({ source: 'mcp', extra: { nested: true }, input: { ...input, style: 'noir' } }));
});

describe('input.mode: text-to-video (default) or image-to-video', () => {
  it('accepts text-to-video', () => expectAccepted({ input: { ...input, mode: 'text-to-video' } }));
  it('accepts image-to-video with one image URL', () =>
    expectAccepted({ input: { ...input, mode: 'image-to-video', image_urls: ['https://img.invalid/a.png'] } }),
  );
  it('rejects other modes', () => expectRejected({ input: { ...input, mode: 'video-to-video' } }, 'input.mode must be text-to-video or image-to-video'));
});

describe('input.prompt: required, 1–800 characters', () => {
  it.each([1, 800])('accepts %i characters', (length) => expectAccepted({ input: { ...input, prompt: 'f'.repeat(length) } }));
  it.each([
    ['missing', { seed: 1 }, 'Missing required field: input.prompt'],
    ['empty', { prompt: '' }, 'input.prompt must not be empty'],
    ['801 characters', { prompt: 'x'.repeat(801) }, 'input.prompt must be at most 800 characters'],
    ['not a string', { prompt: 42 }, 'input.prompt must be a string'],
  ])('rejects %s', (_label, badInput, error) => expectRejected({ input: badInput }, error));
});

describe('input.negative_prompt: at most 500 characters', () => {
  it('accepts 500 characters', () => expectAccepted({ input: { ...input, negative_prompt: 'n'.repeat(500) } }));
  it('rejects 501 characters', () =>
    expectRejected({ input: { ...input, negative_prompt: 'n'.repeat(501) } }, 'input.negative_prompt must be at most 500 characters'),
  );
});

describe('input.image_urls: image-to-video needs exactly 1 http(s) URL', () => {
  const i2v = { ...input, mode: 'image-to-video' };
  it.each([
    ['none', undefined],
    ['an empty list', []],
    ['two', ['https://a.test/1.png', 'https://a.test/2.png']],
  ])('rejects %s', (_label, imageUrls) =>
    expectRejected({ input: { ...i2v, image_urls: imageUrls } }, 'input.image_urls must contain exactly 1 URL for image-to-video'),
  );
  it('rejects a non-http URL', () => expectRejected({ input: { ...i2v, image_urls: ['ftp://a.test/1.png'] } }, 'input.image_urls must contain http(s) URLs'));
});

describe('input.resolution: 720p (default) or 1080p', () => {
  it.each(['720p', '1080p'])('accepts %s', (resolution) => expectAccepted({ input: { ...input, resolution } }));
  it('rejects 480p', () => expectRejected({ input: { ...input, resolution: '480p' } }, 'input.resolution must be 720p or 1080p'));
});

describe('input.duration: 5 (default) or 10, integer or "5"/"10"', () => {
  it.each([5, 10, '5', '10'])('accepts %j', (duration) => expectAccepted({ input: { ...input, duration } }));
  it.each([7, '5.5', 5.5, 0])('rejects %j', (duration) => expectRejected({ input: { ...input, duration } }, 'input.duration must be 5 or 10'));
});

describe('input.aspect_ratio: 16:9 (default), 9:16, 1:1', () => {
  it.each(['16:9', '9:16', '1:1'])('accepts %s', (ratio) => expectAccepted({ input: { ...input, aspect_ratio: ratio } }));
  it('rejects 4:3', () => expectRejected({ input: { ...input, aspect_ratio: '4:3' } }, 'input.aspect_ratio must be 16:9, 9:16 or 1:1'));
});

describe('input.seed: integer 0 … 2147483647, random when absent', () => {
  it.each([0, 2147483647])('accepts %i', (seed) => expectAccepted({ input: { ...input, seed } }));
  it('accepts no seed', () => expectAccepted({ input: { prompt: input.prompt } }));
  it.each([-1, 2147483648, 1.5, '7'])('rejects %j', (seed) =>
    expectRejected({ input: { ...input, seed } }, 'input.seed must be an integer between 0 and 2147483647'),
  );
});

describe('input.enable_prompt_expansion: boolean, default true', () => {
  it.each([true, false])('accepts %s', (flag) => expectAccepted({ input: { ...input, enable_prompt_expansion: flag } }));
  it('rejects a string', () =>
    expectRejected({ input: { ...input, enable_prompt_expansion: 'yes' } }, 'input.enable_prompt_expansion must be a boolean'),
  );
});

describe('Defaults: mode, resolution, duration and aspect_ratio', () => {
  it('a body without them renders exactly what their documented defaults render', async () => {
    const base = { prompt: 'a lighthouse in a storm', seed: 70 };
    const explicit = { ...base, mode: 'text-to-video', resolution: '720p', duration: '5', aspect_ratio: '16:9', enable_prompt_expansion: true };
    const [implicitTask, explicitTask] = await Promise.all([emulator.createTask(base), emulator.createTask(explicit)]);
    const [implicitDone, explicitDone] = await Promise.all([emulator.waitForFinish(implicitTask), emulator.waitForFinish(explicitTask)]);
    expect(resultUrlOf(implicitDone.final)).toBe(resultUrlOf(explicitDone.final));
  });
});

describe('400: data.error names the field', () => {
  it.each([
    [{ input: { ...input, resolution: 1 } }, 'input.resolution'],
    [{ input: { ...input, seed: 'x' } }, 'input.seed'],
    [{ provider: 1, input }, 'provider'],
    [{ request_type: 'callback', input }, 'callback_url'],
  ])('%j names %s', async (body, field) => {
    const reply = await emulator.call(CREATE, { body });
    expect(reply.httpStatus).toBe(400);
    expect(JSON.stringify(reply.envelope.data)).toContain(field);
  });
});
