import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCallbackReceiver, type CallbackReceiver } from './test-callback-receiver';
import { KEY_A, startTestEmulator, waitUntil, type TestEmulator } from './test-kit';

/** Contract § The second model: `wan-2-5-video`, its own endpoints and input rules, the same envelopes and states. */
let emulator: TestEmulator;
let receiver: CallbackReceiver;
beforeAll(async () => {
  // Pending lasts 15 % of the clip: at 0.02 that is ≥ 100 ms for a 480p clip, wide enough to be seen.
  [emulator, receiver] = await Promise.all([startTestEmulator({ timeScale: 0.02 }), startCallbackReceiver()]);
});
afterAll(async () => {
  await Promise.all([emulator.stop(), receiver.close()]);
});

const VIDEO = 'wan-2-5-video';
const CREATE = `/generateTask/${VIDEO}`;
// The blocklisted word ends each task without a render, so accepted-value checks stay cheap.
const input = { prompt: 'forbidden second model probe', seed: 7 };

async function expectAccepted(body: unknown, path = CREATE) {
  const reply = await emulator.call(path, { body });
  expect(reply).toEqual({ httpStatus: 200, envelope: { code: 200, message: 'success', data: { taskId: expect.stringMatching(/^task_\w+$/) } } });
}

async function expectRejected(body: unknown, error: string, path = CREATE) {
  const reply = await emulator.call(path, { body });
  expect(reply).toEqual({ httpStatus: 400, envelope: { code: 400, message: 'Invalid request', data: { error } } });
}

describe('input.prompt: ≤ 1 500 characters; required and non-empty for text-to-video, optional for image-to-video', () => {
  it.each([1, 1500])('accepts %i characters', (length) => expectAccepted({ input: { ...input, prompt: 'f'.repeat(length) } }));
  it('rejects 1 501 characters', () => expectRejected({ input: { prompt: 'x'.repeat(1501) } }, 'input.prompt must be at most 1500 characters'));
  it('text-to-video needs one', async () => {
    await expectRejected({ input: { seed: 1 } }, 'Missing required field: input.prompt');
    await expectRejected({ input: { prompt: '' } }, 'input.prompt must not be empty');
  });
  it('image-to-video may leave it out', () => expectAccepted({ input: { mode: 'image-to-video', image_urls: ['https://img.invalid/a.png'] } }));
  it('the first model still stops at 800 and always needs one', async () => {
    await expectRejected({ input: { prompt: 'x'.repeat(801) } }, 'input.prompt must be at most 800 characters', '/generateTask/wan-2-5');
    await expectRejected({ input: { mode: 'image-to-video', image_urls: ['https://img.invalid/a.png'] } }, 'Missing required field: input.prompt', '/generateTask/wan-2-5');
  });
});

describe('input.resolution: 480p, 720p (default) or 1080p', () => {
  it.each(['480p', '720p', '1080p'])('accepts %s', (resolution) => expectAccepted({ input: { ...input, resolution } }));
  it('rejects 2160p, naming the three', () => expectRejected({ input: { ...input, resolution: '2160p' } }, 'input.resolution must be 480p, 720p or 1080p'));
  it('480p stays the second model’s', () =>
    expectRejected({ input: { ...input, resolution: '480p' } }, 'input.resolution must be 720p or 1080p', '/generateTask/wan-2-5'));
});

describe('input.aspect_ratio: 16:9, 9:16, 1:1 everywhere; 4:3 and 3:4 at 720p and 1080p', () => {
  it.each([
    ['480p', '16:9'],
    ['480p', '1:1'],
    ['720p', '4:3'],
    ['1080p', '3:4'],
  ])('accepts %s at %s', (resolution, ratio) => expectAccepted({ input: { ...input, resolution, aspect_ratio: ratio } }));
  it.each(['4:3', '3:4'])('rejects %s at 480p', (ratio) =>
    expectRejected({ input: { ...input, resolution: '480p', aspect_ratio: ratio } }, `input.aspect_ratio ${ratio} is available only at 720p or 1080p`),
  );
  it('rejects 21:9, naming the five', () =>
    expectRejected({ input: { ...input, aspect_ratio: '21:9' } }, 'input.aspect_ratio must be 16:9, 9:16, 1:1, 4:3 or 3:4'));
  it('image-to-video follows the image, so its aspect_ratio is not checked against the resolution', () =>
    expectAccepted({ input: { ...input, mode: 'image-to-video', image_urls: ['https://img.invalid/a.png'], resolution: '480p', aspect_ratio: '4:3' } }));
  it('4:3 stays the second model’s', () =>
    expectRejected({ input: { ...input, aspect_ratio: '4:3' } }, 'input.aspect_ratio must be 16:9, 9:16 or 1:1', '/generateTask/wan-2-5'));
});

describe('input.audio_urls: optional, exactly 1 http(s) URL', () => {
  it('accepts one URL, in either mode', async () => {
    await expectAccepted({ input: { ...input, audio_urls: ['https://sound.invalid/a.mp3'] } });
    await expectAccepted({ input: { ...input, mode: 'image-to-video', image_urls: ['https://img.invalid/a.png'], audio_urls: ['https://sound.invalid/a.wav'] } });
  });
  it.each([
    ['an empty list', [], 'input.audio_urls must contain exactly 1 URL'],
    ['two', ['https://a.test/1.mp3', 'https://a.test/2.mp3'], 'input.audio_urls must contain exactly 1 URL'],
    ['a non-http URL', ['ftp://a.test/1.mp3'], 'input.audio_urls must contain http(s) URLs'],
    ['a string', 'https://a.test/1.mp3', 'input.audio_urls must be an array of URLs'],
  ])('rejects %s', (_label, audioUrls, error) => expectRejected({ input: { ...input, audio_urls: audioUrls } }, error));
  it('the first model ignores it like any unknown field, whatever it holds', () =>
    expectAccepted({ input: { ...input, audio_urls: 'not even a list' } }, '/generateTask/wan-2-5'));
});

describe('The other rows are as for wan-2-5', () => {
  it.each([
    [{ input: { ...input, duration: 7 } }, 'input.duration must be 5 or 10'],
    [{ input: { ...input, seed: -1 } }, 'input.seed must be an integer between 0 and 2147483647'],
    [{ input: { ...input, negative_prompt: 'n'.repeat(501) } }, 'input.negative_prompt must be at most 500 characters'],
    [{ input: { ...input, mode: 'image-to-video' } }, 'input.image_urls must contain exactly 1 URL for image-to-video'],
    [{ provider: 'cheap', input }, 'provider must be auto, value or official'],
    [{ request_type: 'callback', input }, 'Missing required field: callback_url'],
    [{}, 'Missing required field: input'],
  ])('%j → %s', (body, error) => expectRejected(body, error));
});

describe('GET /statusTask/wan-2-5-video: the same states, fields and fail codes', () => {
  it('walks pending → processing → success, with a resultJson string of one mp4 URL', async () => {
    const taskId = await emulator.createTask({ prompt: 'a red kite over green dunes', seed: 4, resolution: '480p' }, {}, KEY_A, VIDEO);
    expect(await emulator.status(taskId, KEY_A, VIDEO)).toEqual({ taskId, state: 'pending', createTime: expect.any(Number) });
    const { final, seen } = await emulator.waitForFinish(taskId, VIDEO);
    expect(seen).toEqual(['pending', 'processing', 'success']);
    expect(JSON.parse(final.resultJson ?? '')).toEqual({ resultUrls: [expect.stringMatching(/\/files\/[0-9a-f]{64}\.mp4$/)] });
    expect(final.costTime).toBe((final.completeTime ?? 0) - final.createTime);
  });

  it('a blocklisted prompt fails with CONTENT_VIOLATION, HTTP 200 / code 200', async () => {
    const taskId = await emulator.createTask({ prompt: 'gore at noon', seed: 4, resolution: '480p' }, {}, KEY_A, VIDEO);
    await emulator.waitForFinish(taskId, VIDEO);
    const reply = await emulator.call(`/statusTask/${VIDEO}?taskId=${taskId}`);
    expect(reply.httpStatus).toBe(200);
    expect(reply.envelope.data).toMatchObject({ state: 'failed', failCode: 'CONTENT_VIOLATION', failMsg: 'Content violates safety guidelines' });
  });

  it('injected failures (failNext) apply to it too', async () => {
    emulator.setFaults({ failNext: { count: 1, failCode: 'PromptLengthExceeded' } });
    const taskId = await emulator.createTask({ prompt: 'a calm sea', seed: 4, resolution: '480p' }, {}, KEY_A, VIDEO);
    expect((await emulator.waitForFinish(taskId, VIDEO)).final).toMatchObject({ failCode: 'PromptLengthExceeded', failMsg: 'Task failed (PromptLengthExceeded)' });
  });

  it('each model knows only its own tasks: 404 "Task not found" on the other model’s endpoint', async () => {
    const videoTask = await emulator.createTask(input, {}, KEY_A, VIDEO);
    const firstTask = await emulator.createTask(input);
    expect(await emulator.call(`/statusTask/wan-2-5?taskId=${videoTask}`)).toEqual({ httpStatus: 404, envelope: { code: 404, message: 'Task not found' } });
    expect((await emulator.call(`/statusTask/${VIDEO}?taskId=${firstTask}`)).httpStatus).toBe(404);
    expect((await emulator.call(`/statusTask/${VIDEO}?taskId=${videoTask}`)).httpStatus).toBe(200);
  });
});

describe('Callback mode on the second model', () => {
  it('POSTs the exact status response, envelope included, once finished', async () => {
    const path = '/ok/secret-video-model';
    const taskId = await emulator.createTask({ prompt: 'a lantern festival', seed: 9, resolution: '480p' }, { request_type: 'callback', callback_url: receiver.url(path) }, KEY_A, VIDEO);
    await waitUntil(() => receiver.deliveriesTo(path).length === 1, 'the callback', 10_000);
    const status = await emulator.status(taskId, KEY_A, VIDEO);
    expect(status.state).toBe('success');
    expect(receiver.deliveriesTo(path)[0]?.body).toEqual({ code: 200, message: 'success', data: status });
  });
});
