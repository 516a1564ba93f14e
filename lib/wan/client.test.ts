import { closedPort } from '@/test/net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { generationRequestSchema, type ModelId } from '@/lib/generation/schema';
import { describeVideo } from '@/emulator/test-video-probe';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWanClient, type WanClient } from './client';
import { WanApiError, WanNetworkError } from './errors';
import { toWanCreateBody } from './request-body';

let emulator: TestEmulator;
let wan: WanClient;

const body = (input: Record<string, unknown> = {}) =>
  toWanCreateBody({ ...generationRequestSchema.parse({ prompt: 'a red kite over dunes', ...input }), seed: 11 });

async function waitForEnd(taskId: string, model?: ModelId) {
  for (let i = 0; i < 400; i++) {
    const status = await wan.getTask(taskId, model);
    if (status.state === 'success' || status.state === 'failed') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('task did not finish');
}

beforeAll(async () => {
  emulator = await startTestEmulator({ timeScale: 0.005 });
  wan = createWanClient({ baseUrl: emulator.apiBaseUrl, apiKey: KEY_A, timeoutMs: 5_000 });
});
afterAll(() => emulator.stop());

describe('Wan client against the emulator', () => {
  it('creates a task and follows it to success, parsing resultJson twice', async () => {
    const { taskId } = await wan.createTask(body());
    expect(taskId).toMatch(/^task_/);
    const status = await waitForEnd(taskId);
    expect(status.state).toBe('success');
    expect(status.resultJson?.resultUrls).toHaveLength(1);
    expect(status.costTime).toBeGreaterThan(0);
    expect(status.completeTime).toBeGreaterThanOrEqual(status.createTime ?? Infinity);
    const video = await fetch(status.resultJson?.resultUrls[0] ?? '');
    expect(video.headers.get('content-type')).toBe('video/mp4');
  });

  it('makes a 480p draft on wan-2-5-video through that model’s own endpoints', async () => {
    const { taskId } = await wan.createTask(body({ model: 'wan-2-5-video', resolution: '480p', aspectRatio: '1:1' }), { model: 'wan-2-5-video' });
    expect((await waitForEnd(taskId, 'wan-2-5-video')).state).toBe('success');
  });

  it('makes a 4:3 clip on wan-2-5-video through that model’s own endpoints', async () => {
    const { taskId } = await wan.createTask(body({ model: 'wan-2-5-video', resolution: '720p', aspectRatio: '4:3' }), { model: 'wan-2-5-video' });
    // A task is known only on its own model's status endpoint.
    await expect(wan.getTask(taskId)).rejects.toMatchObject({ status: 404 });
    const status = await waitForEnd(taskId, 'wan-2-5-video');
    expect(status.state).toBe('success');
    const video = await fetch(status.resultJson?.resultUrls[0] ?? '');
    expect(video.headers.get('content-type')).toBe('video/mp4');
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'wan-client-')), 'clip.mp4');
    await writeFile(file, Buffer.from(await video.arrayBuffer()));
    // The emulator draws 4:3 frames 280×210.
    expect(await describeVideo(file)).toMatch(/Video: .* 280x210/);
  });

  it('is refused 480p on wan-2-5, as the service refuses it', async () => {
    const draft = body({ model: 'wan-2-5-video', resolution: '480p' });
    // Sent to wan-2-5's endpoint (no model given), as a client that forgot the model would.
    const error = await wan.createTask(draft).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400 });
    expect((error as WanApiError).detail).toMatch(/resolution/);
  });

  it('turns a refused key into a 401 WanApiError', async () => {
    const stranger = createWanClient({ baseUrl: emulator.apiBaseUrl, apiKey: 'wrong-key', timeoutMs: 5_000 });
    const error = await stranger.createTask(body()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WanApiError);
    expect(error).toMatchObject({ status: 401, code: 401 });
  });

  it('surfaces the service’s reason for a 400', async () => {
    const invalid = body();
    invalid.input.prompt = 'x'.repeat(801);
    const error = await wan.createTask(invalid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WanApiError);
    expect((error as WanApiError).status).toBe(400);
    expect((error as WanApiError).detail).toMatch(/prompt/);
  });

  it('reports an unknown task as a 404', async () => {
    const error = await wan.getTask('task_does_not_exist').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'WanApiError', status: 404 });
  });

  it('returns a failed task as data, with its fail code', async () => {
    const { taskId } = await wan.createTask(body({ prompt: 'a forbidden ritual' }));
    const status = await waitForEnd(taskId);
    expect(status).toMatchObject({ state: 'failed', failCode: 'CONTENT_VIOLATION' });
    expect(status.resultJson).toBeUndefined();
  });

  it('says a create never reached the service when the connection is refused', async () => {
    const closed = createWanClient({ baseUrl: `http://127.0.0.1:${await closedPort()}/api/v1`, apiKey: KEY_A, timeoutMs: 2_000 });
    const error = await closed.createTask(body()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WanNetworkError);
    expect((error as WanNetworkError).outcomeUnknown).toBe(false);
  });

  it('measures a Retry-After date from its own clock', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const busy = () =>
      Promise.resolve(new Response(JSON.stringify({ code: 429, message: 'Too many requests' }), { status: 429, headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' } }));
    const client = createWanClient({ baseUrl: 'http://wan.invalid/api/v1', apiKey: KEY_A, timeoutMs: 1_000, fetch: busy, now: () => now });
    const error = await client.getTask('task-1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WanApiError);
    expect((error as WanApiError).retryAfterMs).toBe(30_000);
  });
});
