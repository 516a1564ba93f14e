import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultUrlOf, startTestEmulator, type TestEmulator } from './test-kit';

/** Result videos: served as MP4 with ranges, reproducible per seed, and only once rendered. */
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.stop());

const input = { prompt: 'a paper boat drifting down a rainy street', seed: 1234, aspect_ratio: '16:9' };

async function finishedVideoUrl(taskInput: Record<string, unknown>): Promise<string> {
  const { final } = await emulator.waitForFinish(await emulator.createTask(taskInput));
  expect(final.state).toBe('success');
  return resultUrlOf(final);
}

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('result URLs', () => {
  it('serve the video as an MP4 with byte ranges', async () => {
    const url = await finishedVideoUrl(input);
    const whole = await download(url);
    expect(whole.subarray(4, 8).toString('latin1')).toBe('ftyp');

    const partial = await fetch(url, { headers: { Range: 'bytes=100-199' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-type')).toBe('video/mp4');
    expect(partial.headers.get('accept-ranges')).toBe('bytes');
    expect(partial.headers.get('content-range')).toBe(`bytes 100-199/${whole.length}`);
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(whole.subarray(100, 200));

    const tail = await fetch(url, { headers: { Range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(whole.subarray(whole.length - 10));

    const beyond = await fetch(url, { headers: { Range: `bytes=${whole.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${whole.length}`);
    await beyond.body?.cancel();
  });

  it('answer 404 for a file never rendered', async () => {
    const response = await fetch(`${emulator.url}/files/${'0'.repeat(64)}.mp4`);
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });
});

describe('Same seed + prompt + parameters reproduces the identical video', () => {
  it('gives the same bytes for the same request and different bytes for another seed', async () => {
    const [first, again, otherSeed] = await Promise.all([
      finishedVideoUrl(input),
      finishedVideoUrl(input),
      finishedVideoUrl({ ...input, seed: 1235 }),
    ]);
    expect(again).toBe(first);
    expect(await download(again)).toEqual(await download(first));
    expect(otherSeed).not.toBe(first);
    expect(await download(otherSeed)).not.toEqual(await download(first));
  });
});

describe('rendering gates success', () => {
  it('stays processing until the video exists, even when the time is up', async () => {
    const instant = await startTestEmulator({ timeScale: 0 });
    try {
      const taskId = await instant.createTask({ prompt: `unique ${Date.now()}`, seed: 5 });
      expect((await instant.status(taskId)).state).toBe('processing');
      const { final } = await instant.waitForFinish(taskId);
      expect(final.state).toBe('success');
    } finally {
      await instant.stop();
    }
  });

  it('fails with GENERATION_FAILED when rendering is impossible', async () => {
    // A data directory below a regular file cannot be created, so the render must fail.
    const blocked = await startTestEmulator({ timeScale: 0, dataDir: `${import.meta.filename}/videos` });
    try {
      const taskId = await blocked.createTask({ prompt: 'doomed render', seed: 1 });
      const { final } = await blocked.waitForFinish(taskId);
      expect(final).toMatchObject({ state: 'failed', failCode: 'GENERATION_FAILED' });
    } finally {
      await blocked.stop();
    }
  });
});
