import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAILOVER_DELAY_MS, PROVIDER_PROFILES } from './providers';
import { plannedGenerationMs } from './task-timing';
import { KEY_B, startTestEmulator, type TestEmulator } from './test-kit';

/** Contract § Timing and limits (50–70 s at 720p, 70–90 s at 1080p) and § provider. */
const ids = Array.from({ length: 200 }, (_, index) => `task_${index}`);

function rangeOf(timing: Omit<Parameters<typeof plannedGenerationMs>[0], 'taskId' | 'timeScale'>) {
  const times = ids.map((taskId) => plannedGenerationMs({ taskId, timeScale: 1, ...timing }));
  return { min: Math.min(...times), max: Math.max(...times), distinct: new Set(times).size };
}

describe('Timing: documented generation time per resolution and duration', () => {
  it.each([
    ['720p', 5, 50_000, 70_000],
    ['1080p', 5, 70_000, 90_000],
    ['720p', 10, 75_000, 105_000],
    ['1080p', 10, 105_000, 135_000],
  ] as const)('%s %is clips take %i–%i ms at baseline, spread out per task', (resolution, duration, min, max) => {
    const range = rangeOf({ resolution, duration });
    expect(range.min).toBeGreaterThanOrEqual(min);
    expect(range.max).toBeLessThanOrEqual(max);
    expect(range.distinct).toBeGreaterThan(100);
  });

  it.each([
    ['480p', 5, 35_000, 50_000],
    ['720p', 5, 50_000, 70_000],
    ['1080p', 10, 105_000, 135_000],
  ] as const)('wan-2-5-video: %s %is clips take %i–%i ms (480p inferred: a little faster than 720p)', (resolution, duration, min, max) => {
    const range = rangeOf({ model: 'wan-2-5-video', resolution, duration });
    expect(range.min).toBeGreaterThanOrEqual(min);
    expect(range.max).toBeLessThanOrEqual(max);
    expect(range.distinct).toBeGreaterThan(100);
  });

  it('is stable per task and scaled by the time scale', () => {
    const full = plannedGenerationMs({ taskId: 'task_a', resolution: '720p', duration: 5, timeScale: 1 });
    expect(plannedGenerationMs({ taskId: 'task_a', resolution: '720p', duration: 5, timeScale: 1 })).toBe(full);
    expect(plannedGenerationMs({ taskId: 'task_a', resolution: '720p', duration: 5, timeScale: 0.01 })).toBe(Math.round(full * 0.01));
  });
});

describe('provider: value is slower, official faster, auto fails over with a delay', () => {
  it.each([
    ['value', false, 50_000, 70_000],
    ['official', false, 42_500, 59_500],
    ['official', true, 42_500 + FAILOVER_DELAY_MS, 59_500 + FAILOVER_DELAY_MS],
  ] as const)('%s (failed over: %s) takes %i–%i ms for 720p 5 s', (provider, failedOver, min, max) => {
    const range = rangeOf({ resolution: '720p', duration: 5, provider, failedOver });
    expect(range.min).toBeGreaterThanOrEqual(min);
    expect(range.max).toBeLessThanOrEqual(max);
    expect(PROVIDER_PROFILES.value.timeFactor).toBeGreaterThan(PROVIDER_PROFILES.official.timeFactor);
  });
});

describe('with an injected clock at real-time scale', () => {
  let clock = 1_700_000_000_000;
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ timeScale: 1, now: () => clock });
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  it('a 1080p 10 s task follows the clock from pending to processing to success', async () => {
    const createdAt = clock;
    const taskId = await emulator.createTask({ prompt: 'clockwork birds', seed: 11, resolution: '1080p', duration: 10 });
    expect((await emulator.status(taskId)).state).toBe('pending');
    clock = createdAt + 23_000;
    expect((await emulator.status(taskId)).state).toBe('processing');
    clock = createdAt + 115_000;
    expect((await emulator.status(taskId)).state).toBe('processing');
    clock = createdAt + 149_000;
    const { final } = await emulator.waitForFinish(taskId);
    expect(final.state).toBe('success');
    expect(final.createTime).toBe(createdAt);
    expect(final.costTime).toBeGreaterThanOrEqual(115_500);
    // The render ends after the clock jumped to +149 s, so completion may be stamped then.
    expect(final.costTime).toBeLessThanOrEqual(149_000);
  });

  // Blocklisted prompts finish at their planned time without rendering: costTime is all that matters here.
  async function costAndProvider(provider: string) {
    const createdAt = clock;
    const taskId = await emulator.createTask({ prompt: 'forbidden timing probe', seed: 2 }, { provider });
    clock = createdAt + 200_000;
    const { final } = await emulator.waitForFinish(taskId);
    return { costTime: final.costTime ?? 0, provider: emulator.stats().providerByTask[taskId] };
  }

  it.each([
    ['value', 'value', 50_000, 70_000],
    ['official', 'official', 42_500, 59_500],
    ['auto', 'value', 50_000, 70_000],
  ])('costTime of %s is served by %s within %i–%i ms', async (requested, used, min, max) => {
    const result = await costAndProvider(requested);
    expect(result.provider).toBe(used);
    expect(result.costTime).toBeGreaterThanOrEqual(min);
    expect(result.costTime).toBeLessThanOrEqual(max);
  });

  it('providerFault: auto fails over to official, taking official time plus the failover delay', async () => {
    emulator.setFaults({ providerFault: true });
    const result = await costAndProvider('auto');
    expect(result.provider).toBe('official');
    expect(result.costTime).toBeGreaterThanOrEqual(42_500 + FAILOVER_DELAY_MS);
    expect(result.costTime).toBeLessThanOrEqual(59_500 + FAILOVER_DELAY_MS);
  });

  it('providerFault: an explicit value request fails with MODEL_UNAVAILABLE and is not charged', async () => {
    emulator.setFaults({ providerFault: true });
    const before = await emulator.balance(KEY_B);
    const taskId = await emulator.createTask({ prompt: 'a calm sea', seed: 2 }, { provider: 'value' }, KEY_B);
    clock += 200_000;
    const status = await emulator.status(taskId, KEY_B);
    expect(status).toMatchObject({ state: 'failed', failCode: 'MODEL_UNAVAILABLE' });
    expect(await emulator.balance(KEY_B)).toBe(before);
  });

  it('value is cheaper than official; auto costs value, or official after a failover', async () => {
    const priceOf = async (provider: string) => {
      const before = await emulator.balance(KEY_B);
      await emulator.createTask({ prompt: 'forbidden price probe', seed: 3 }, { provider }, KEY_B);
      return Math.round((before - (await emulator.balance(KEY_B))) * 1000) / 1000;
    };
    const value = await priceOf('value');
    const official = await priceOf('official');
    expect(value).toBeLessThan(official);
    expect(await priceOf('auto')).toBe(value);
    emulator.setFaults({ providerFault: true });
    expect(await priceOf('auto')).toBe(official);
  });
});
