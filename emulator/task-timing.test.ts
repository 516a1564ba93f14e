import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedGenerationMs } from './task-timing';
import { startTestEmulator, type TestEmulator } from './test-kit';

describe('plannedGenerationMs', () => {
  const ids = Array.from({ length: 200 }, (_, index) => `task_${index}`);
  it.each([
    ['720p', 5, 50_000, 70_000],
    ['1080p', 5, 70_000, 90_000],
    ['720p', 10, 75_000, 105_000],
    ['1080p', 10, 105_000, 135_000],
  ] as const)('keeps %s %is clips within the documented range', (resolution, duration, min, max) => {
    const times = ids.map((taskId) => plannedGenerationMs({ taskId, resolution, duration, timeScale: 1 }));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(min);
    expect(Math.max(...times)).toBeLessThanOrEqual(max);
    expect(new Set(times).size).toBeGreaterThan(100);
  });

  it('is stable per task and scaled by the time scale', () => {
    const full = plannedGenerationMs({ taskId: 'task_a', resolution: '720p', duration: 5, timeScale: 1 });
    expect(plannedGenerationMs({ taskId: 'task_a', resolution: '720p', duration: 5, timeScale: 1 })).toBe(full);
    expect(plannedGenerationMs({ taskId: 'task_a', resolution: '720p', duration: 5, timeScale: 0.01 })).toBe(Math.round(full * 0.01));
  });
});

describe('with an injected clock at real-time scale', () => {
  let clock = 1_700_000_000_000;
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ timeScale: 1, now: () => clock });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it('follows the clock from pending to processing to success', async () => {
    const createdAt = clock;
    const taskId = await emulator.createTask({ prompt: 'clockwork birds', seed: 11, resolution: '1080p', duration: 10 });
    expect((await emulator.status(taskId)).state).toBe('pending');
    clock = createdAt + 21_000;
    expect((await emulator.status(taskId)).state).toBe('processing');
    clock = createdAt + 104_000;
    expect((await emulator.status(taskId)).state).toBe('processing');
    clock = createdAt + 136_000;
    const { final } = await emulator.waitForFinish(taskId);
    expect(final.state).toBe('success');
    expect(final.createTime).toBe(createdAt);
    expect(final.costTime).toBeGreaterThanOrEqual(105_000);
    expect(final.costTime).toBeLessThanOrEqual(136_000);
  });
});

describe('rendering gates success', () => {
  it('stays processing until the video exists, even when the time is up', async () => {
    const emulator = await startTestEmulator({ timeScale: 0 });
    try {
      const taskId = await emulator.createTask({ prompt: `unique ${Date.now()}`, seed: 5 });
      expect((await emulator.status(taskId)).state).toBe('processing');
      const { final } = await emulator.waitForFinish(taskId);
      expect(final.state).toBe('success');
    } finally {
      await emulator.stop();
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
