import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { createOwner, type Owner } from '@/test/fixtures';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { generationRequestSchema } from '@/lib/generation/schema';
import { createWanClient, type WanClient } from '@/lib/wan/client';
import type { TrackerDeps } from './deps';
import { notifyChanged, teamActivityVersion } from './notify';
import { refreshIfDue } from './refresh';
import { submitGeneration } from './submit';
import { submitAndDispatch } from '@/test/submit';
import { loadView } from '@/lib/gallery/load';
import { watchGenerations } from './watch';

const SCALE = 0.005;
let emulator: TestEmulator;
let wan: WanClient;
let statusCallTimes: number[] = [];
let owner: Owner;

const deps = (): TrackerDeps => ({ wan, now: () => new Date(), pollScale: SCALE, maxConcurrentTasks: 100, publicUrl: undefined, sendLeaseMs: 30_000 });

beforeAll(async () => {
  emulator = await startTestEmulator({ timeScale: SCALE });
  // Archive downloads go only to the configured API host: this emulator is it.
  process.env.WAN_BASE_URL = emulator.apiBaseUrl;
  resetEnvForTests();
  const real = createWanClient({ baseUrl: emulator.apiBaseUrl, apiKey: KEY_A, timeoutMs: 5_000 });
  wan = {
    createTask: real.createTask,
    getTask: (taskId) => {
      statusCallTimes.push(Date.now());
      return real.getTask(taskId);
    },
  };
  owner = await createOwner('w@example.test');
});
afterAll(() => emulator.stop());

async function newClip(prompt: string) {
  const row = await submitAndDispatch({ ...owner, request: generationRequestSchema.parse({ prompt }) }, deps());
  return loadView({ ...row, authorName: 'W' });
}

describe('watchGenerations (the long poll)', () => {
  it('answers at once when the caller shows an older version', async () => {
    const view = await newClip('stale watcher');
    const changed = await watchGenerations({ teamId: owner.teamId, known: new Map([[view.id, 'queued..']]), maxWaitMs: 5_000 }, deps());
    expect(changed.map((v) => v.id)).toEqual([view.id]);
  });

  it('follows a clip to success; any number of watchers cause one status call per due time', async () => {
    const view = await newClip('three tabs watching');
    statusCallTimes = [];
    let known = new Map([[view.id, view.version]]);
    const seen: string[] = [];
    // Stands in for the sweeper, which refreshes each task at its due time.
    const sweeper = setInterval(() => void refreshIfDue(view.id, deps()), 5);
    while (!seen.includes('success.a.')) {
      const answers = await Promise.all(
        [1, 2, 3].map(() => watchGenerations({ teamId: owner.teamId, known, maxWaitMs: 5_000 }, deps())),
      );
      const latest = answers[0]?.[0];
      expect(answers.every((a) => a[0]?.version === latest?.version)).toBe(true);
      if (!latest) throw new Error('a watch ended without news');
      seen.push(latest.version);
      known = new Map([[view.id, latest.version]]);
    }
    clearInterval(sweeper);
    // pending → processing → success → archived, each seen exactly once by every watcher.
    expect(seen.at(-1)).toBe('success.a.');
    // Three watchers woke at every due time, yet the service was asked once per due time:
    // no two status calls closer together than the 5 s interval (scaled).
    const gaps = statusCallTimes.slice(1).map((t, i) => t - (statusCallTimes[i] ?? 0));
    expect(statusCallTimes.length).toBeGreaterThan(0);
    expect(Math.min(...gaps, Infinity)).toBeGreaterThanOrEqual(5_000 * SCALE * 0.9);
  });

  it('waits for a change, then answers the moment it is notified', async () => {
    const view = await newClip('quiet clip');
    const farFuture = new Map([[view.id, view.version]]);
    const { updateGeneration } = await import('@/db/queries/tracker');
    await updateGeneration({ id: view.id, values: { nextPollAt: new Date(Date.now() + 60_000) } });
    const started = Date.now();
    const pending = watchGenerations({ teamId: owner.teamId, known: farFuture, maxWaitMs: 10_000 }, deps());
    setTimeout(async () => {
      await updateGeneration({ id: view.id, values: { state: 'cancelled' } });
      notifyChanged(view.id);
    }, 100);
    const changed = await pending;
    expect(changed[0]?.state).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('shows nothing of another team’s clips', async () => {
    const view = await newClip('private');
    const changed = await watchGenerations({ teamId: 'another-team', known: new Map([[view.id, '']]), maxWaitMs: 0 }, deps());
    expect(changed).toEqual([]);
  });

  it('with the team’s activity version, answers as soon as the team stores a new clip, even with no clip watched', async () => {
    const seen = teamActivityVersion(owner.teamId);
    const started = Date.now();
    const pending = watchGenerations({ teamId: owner.teamId, known: new Map(), maxWaitMs: 10_000, activitySeen: seen }, deps());
    setTimeout(() => void submitGeneration({ ...owner, request: generationRequestSchema.parse({ prompt: 'a teammate’s new clip' }) }, deps()), 100);
    expect(await pending).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(teamActivityVersion(owner.teamId)).toBeGreaterThan(seen);
  });

  it('is not woken by another team’s new clip', async () => {
    const outsider = await createOwner('w-outsider@example.test');
    const seen = teamActivityVersion(owner.teamId);
    const started = Date.now();
    const pending = watchGenerations({ teamId: owner.teamId, known: new Map(), maxWaitMs: 700, activitySeen: seen }, deps());
    setTimeout(() => void submitGeneration({ ...outsider, request: generationRequestSchema.parse({ prompt: 'another team’s clip' }) }, deps()), 100);
    expect(await pending).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    expect(teamActivityVersion(owner.teamId)).toBe(seen);
  });
});
