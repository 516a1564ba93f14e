import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKED_PROMPT_WORDS } from './content-policy';
import { resultUrlOf, startTestEmulator, type TestEmulator } from './test-kit';

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.stop();
});

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

describe('a successful task', () => {
  it('goes pending → processing → success with a double-encoded resultJson and timings', async () => {
    const statsBefore = emulator.stats();
    const taskId = await emulator.createTask(input);
    const { final, seen } = await emulator.waitForFinish(taskId);
    expect(seen).toEqual(['pending', 'processing', 'success']);
    expect(typeof final.resultJson).toBe('string');
    expect(resultUrlOf(final)).toMatch(new RegExp(`^${emulator.url}/files/[0-9a-f]{64}\\.mp4$`));
    expect(final.completeTime).toBeGreaterThan(final.createTime);
    expect(final.costTime).toBe((final.completeTime ?? 0) - final.createTime);
    expect(final.failCode).toBeUndefined();
    expect(emulator.stats().tasksCreated).toBe(statsBefore.tasksCreated + 1);
    expect(emulator.stats().statusCalls).toBeGreaterThan(statsBefore.statusCalls + 2);
  });

  it('serves the video as an MP4 with byte ranges', async () => {
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

  it('answers 404 for a file it never rendered', async () => {
    const response = await fetch(`${emulator.url}/files/${'0'.repeat(64)}.mp4`);
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });

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

describe('a failing task', () => {
  it('fails a blocklisted prompt with CONTENT_VIOLATION at completion time', async () => {
    expect(BLOCKED_PROMPT_WORDS).toContain('forbidden');
    const taskId = await emulator.createTask({ prompt: 'a Forbidden ritual at midnight', seed: 3 });
    const { final, seen } = await emulator.waitForFinish(taskId);
    expect(seen).toEqual(['pending', 'processing', 'failed']);
    expect(final).toMatchObject({ state: 'failed', failCode: 'CONTENT_VIOLATION', failMsg: 'Content violates safety guidelines' });
    expect(final.resultJson).toBeUndefined();
    expect(final.costTime).toBe((final.completeTime ?? 0) - final.createTime);
  });
});
