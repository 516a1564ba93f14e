import { appendFile, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from './task-journal';
import { plannedGenerationMs } from './task-timing';
import { startAudioHost, type AudioHost } from './test-audio-host';
import { startCallbackReceiver, type CallbackReceiver } from './test-callback-receiver';
import { KEY_A, resultUrlOf, startTestEmulator, waitUntil, type TestEmulator } from './test-kit';

/** A restart of the emulator (`npm start` again after a crash) must not forget a task, as the real service would not. */
const SCALE = 0.02;
let receiver: CallbackReceiver;
let tracks: AudioHost;
const dataDirs: string[] = [];
beforeAll(async () => {
  [receiver, tracks] = await Promise.all([startCallbackReceiver(), startAudioHost()]);
});
afterAll(async () => {
  await Promise.all([receiver.close(), tracks.close()]);
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function startFresh(): Promise<TestEmulator> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wan-emulator-restart-'));
  dataDirs.push(dataDir);
  return startTestEmulator({ dataDir, timeScale: SCALE });
}

/** Closes the emulator and starts a new one on the same port and data folder. */
async function restart(emulator: TestEmulator, beforeStart?: () => Promise<void>): Promise<TestEmulator> {
  await emulator.stop();
  await beforeStart?.();
  return startTestEmulator({ dataDir: emulator.dataDir, timeScale: SCALE, port: Number(new URL(emulator.url).port) });
}

async function download(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(url)).arrayBuffer());
}

describe('the emulator keeps its tasks across a restart', () => {
  it('finished tasks answer the same; one still generating finishes at its planned time and its callback arrives', async () => {
    const first = await startFresh();
    const finished = await first.createTask({ prompt: 'finished before the restart', seed: 7 });
    const { final: finishedStatus } = await first.waitForFinish(finished);
    const finishedBytes = await download(resultUrlOf(finishedStatus));
    const owed = await first.createTask({ prompt: 'still generating at the restart' }, { request_type: 'callback', callback_url: receiver.url('/ok/owed') });
    const owedBefore = await first.status(owed);
    expect(owedBefore.state).toBe('pending');
    const balanceBefore = await first.balance();

    const second = await restart(first);
    try {
      expect(await second.status(finished)).toEqual(finishedStatus);
      expect((await download(resultUrlOf(finishedStatus))).equals(finishedBytes)).toBe(true);
      expect((await second.status(owed)).state).toMatch(/^(pending|processing)$/);

      const { final } = await second.waitForFinish(owed);
      const planned = plannedGenerationMs({ taskId: owed, resolution: '720p', duration: 5, timeScale: SCALE, provider: 'value' });
      expect(final).toMatchObject({ state: 'success', createTime: owedBefore.createTime });
      expect(final.costTime).toBeGreaterThanOrEqual(planned);
      await waitUntil(() => receiver.deliveriesTo('/ok/owed').length === 1, 'the callback owed before the restart');
      expect(receiver.deliveriesTo('/ok/owed')[0]?.body).toEqual({ code: 200, message: 'success', data: final });

      expect(second.stats()).toMatchObject({ tasksCreated: 2, tasksByKey: { 'test-key-a': 2 } });
      expect(await second.balance()).toBe(balanceBefore);
    } finally {
      await second.stop();
    }
  });

  it('a kill mid-render (no outcome written, a torn last line) renders again from the kept request, byte-identical', async () => {
    const first = await startFresh();
    // No seed: the one the service picked must be the one kept, or the video would change.
    const taskId = await first.createTask({ prompt: 'rendered twice, the same' });
    const { final: before } = await first.waitForFinish(taskId);
    const url = resultUrlOf(before);
    const bytes = await download(url);
    const journal = join(first.dataDir, JOURNAL_FILE);

    const second = await restart(first, async () => {
      // What a kill -9 during the render leaves: the task line, no outcome, half a line, no video.
      const lines = (await readFile(journal, 'utf8')).split('\n').filter((line) => line !== '' && !line.includes('"kind":"outcome"'));
      await writeFile(journal, `${lines.join('\n')}\n`);
      await appendFile(journal, '{"kind":"outcome","taskId":"task_');
      await unlink(join(first.dataDir, url.split('/').at(-1) ?? ''));
    });
    try {
      const { final } = await second.waitForFinish(taskId);
      expect(final).toMatchObject({ state: 'success', createTime: before.createTime, resultJson: before.resultJson });
      expect((await download(url)).equals(bytes)).toBe(true);
    } finally {
      await second.stop();
    }
  });

  it('a wan-2-5-video task killed mid-render keeps its model, its kept track and its bytes', async () => {
    const first = await startFresh();
    const model = 'wan-2-5-video';
    const taskId = await first.createTask({ prompt: 'a chime across restarts', seed: 12, resolution: '480p', audio_urls: [tracks.url('/chime-3s.wav')] }, {}, KEY_A, model);
    const { final: before } = await first.waitForFinish(taskId, model);
    const url = resultUrlOf(before);
    const bytes = await download(url);
    const journal = join(first.dataDir, JOURNAL_FILE);

    const second = await restart(first, async () => {
      const lines = (await readFile(journal, 'utf8')).split('\n').filter((line) => line !== '' && !line.includes('"kind":"outcome"'));
      await writeFile(journal, `${lines.join('\n')}\n`);
      await unlink(join(first.dataDir, url.split('/').at(-1) ?? ''));
      await tracks.close(); // the kept copy must be used: the track's host is gone
    });
    try {
      expect((await second.call(`/statusTask/wan-2-5?taskId=${taskId}`)).httpStatus).toBe(404);
      const { final } = await second.waitForFinish(taskId, model);
      expect(final).toMatchObject({ state: 'success', resultJson: before.resultJson });
      expect((await download(url)).equals(bytes)).toBe(true);
    } finally {
      await second.stop();
      tracks = await startAudioHost();
    }
  });

  it('a callback refused before the restart keeps its retry schedule after it', async () => {
    const first = await startFresh();
    await first.createTask({ prompt: 'a forbidden retry across restarts', seed: 3 }, { request_type: 'callback', callback_url: receiver.url('/down/restart') });
    await waitUntil(() => receiver.deliveriesTo('/down/restart').length === 1, 'the first attempt', 10_000);
    // The refusal is counted and the retry journalled in one step: restart only after it (else the attempt is owed again).
    await waitUntil(() => first.stats().callbackAttempts === 1, 'the first attempt to be recorded', 10_000);

    const second = await restart(first);
    try {
      await waitUntil(() => receiver.deliveriesTo('/down/restart').length === 4, 'the three retries', 15_000);
      const [firstAt = 0, retryAt = 0] = receiver.deliveriesTo('/down/restart').map((delivery) => delivery.at);
      expect(retryAt - firstAt).toBeGreaterThanOrEqual(30_000 * SCALE - 5);
      await new Promise((resolve) => setTimeout(resolve, 120_000 * SCALE));
      expect(receiver.deliveriesTo('/down/restart')).toHaveLength(4);
    } finally {
      await second.stop();
    }
  });
});
