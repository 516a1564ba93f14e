import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { getDb } from '@/db/index';
import { generations } from '@/db/schema';
import { getGenerationForWorker } from '@/db/queries/tracker';
import { createOwner, type Owner } from '@/test/fixtures';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { generationRequestSchema } from '@/lib/generation/schema';
import { archiveGeneration } from '@/lib/storage/archive';
import { createWanClient, type WanClient } from '@/lib/wan/client';
import { notifyChanged } from './notify';
import { refreshIfDue } from './refresh';
import type { TrackerDeps } from './deps';
import { submitAndDispatch } from '@/test/submit';

const SCALE = 0.005;
let emulator: TestEmulator;
let owner: Owner;

function deps(wan: WanClient, overrides: Partial<TrackerDeps> = {}): TrackerDeps {
  return { wan, now: () => new Date(), pollScale: SCALE, maxConcurrentTasks: 1000, publicUrl: undefined, sendLeaseMs: 30_000, ...overrides };
}

/** The real client, counting calls and noting what the database held when each create was sent. */
function observedClient(apiKey = KEY_A) {
  const real = createWanClient({ baseUrl: emulator.apiBaseUrl, apiKey, timeoutMs: 5_000 });
  const seen = { statusCalls: 0, creates: [] as { seed: number; stateWhenSent: string | undefined }[], models: [] as (string | undefined)[] };
  const wan: WanClient = {
    async createTask(body, options) {
      const stored = await getDb().select({ state: generations.state }).from(generations).where(eq(generations.seed, body.input.seed)).get();
      seen.creates.push({ seed: body.input.seed, stateWhenSent: stored?.state });
      seen.models.push(options?.model);
      return real.createTask(body, options);
    },
    async getTask(taskId, model) {
      seen.statusCalls += 1;
      seen.models.push(model);
      return real.getTask(taskId, model);
    },
  };
  return { wan, seen };
}

async function refreshUntilFinished(id: string, wan: WanClient) {
  for (let i = 0; i < 500; i++) {
    await refreshIfDue(id, deps(wan));
    const row = await getGenerationForWorker({ id });
    if (row && ['success', 'failed'].includes(row.state)) return row;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('generation did not finish');
}

beforeAll(async () => {
  emulator = await startTestEmulator({ timeScale: SCALE });
  // Archive downloads go only to the configured API host: this emulator is it.
  process.env.WAN_BASE_URL = emulator.apiBaseUrl;
  resetEnvForTests();
  owner = await createOwner('ada@example.test');
});
afterAll(() => emulator.stop());

describe('submitGeneration', () => {
  it('stores the request, with a concrete seed, before anything is sent', async () => {
    const { wan, seen } = observedClient();
    const request = generationRequestSchema.parse({ prompt: 'a slow pan over a tidal pool' });
    const row = await submitAndDispatch({ ...owner, request }, deps(wan));

    // Claimed for sending (so no other process sends it too), after being stored as queued.
    expect(seen.creates).toEqual([{ seed: row.seed, stateWhenSent: 'sending' }]);
    expect(row.state).toBe('pending');
    expect(row.taskId).toMatch(/^task_/);
    expect(Number.isInteger(row.seed)).toBe(true);
  });

  it('stores an upstream refusal as a failure the user can read, keeping the request', async () => {
    const { wan } = observedClient('revoked-key');
    const request = generationRequestSchema.parse({ prompt: 'kept even when refused', seed: 5 });
    const row = await submitAndDispatch({ ...owner, request }, deps(wan));
    expect(row).toMatchObject({ state: 'failed', failCode: 'HTTP_401', prompt: 'kept even when refused', seed: 5, taskId: null });
  });
});

describe('refreshIfDue', () => {
  it('asks the service nothing before the first poll is due', async () => {
    const { wan, seen } = observedClient();
    const slow = deps(wan, { pollScale: 1 });
    const row = await submitAndDispatch({ ...owner, request: generationRequestSchema.parse({ prompt: 'patience' }) }, slow);
    await refreshIfDue(row.id, slow);
    expect(seen.statusCalls).toBe(0);
  });

  it('makes one upstream call per due time however many watchers ask at once', async () => {
    const { wan, seen } = observedClient();
    const row = await submitAndDispatch({ ...owner, request: generationRequestSchema.parse({ prompt: 'ten tabs open' }) }, deps(wan));
    await new Promise((resolve) => setTimeout(resolve, 50_000 * SCALE + 20));
    await Promise.all(Array.from({ length: 10 }, () => refreshIfDue(row.id, deps(wan))));
    expect(seen.statusCalls).toBe(1);
  });

  it('follows a task to success and archives a copy identical to the service’s file', async () => {
    const { wan } = observedClient();
    const row = await submitAndDispatch({ ...owner, request: generationRequestSchema.parse({ prompt: 'lanterns on a river', seed: 99 }) }, deps(wan));
    const done = await refreshUntilFinished(row.id, wan);
    expect(done.state).toBe('success');
    expect(done.resultUrls).toHaveLength(1);
    expect(done.apiCostTime).toBeGreaterThan(0);

    await archiveGeneration(row.id, { onChange: notifyChanged });
    const archived = await getGenerationForWorker({ id: row.id });
    const upstream = Buffer.from(await (await fetch(done.resultUrls?.[0] ?? '')).arrayBuffer());
    expect(archived?.archiveSha256).toBe(crypto.createHash('sha256').update(upstream).digest('hex'));
    expect(archived?.archiveBytes).toBe(upstream.byteLength);
    const file = path.join(process.env.DATA_DIR ?? '', 'videos', archived?.archivePath ?? '');
    expect(fs.readFileSync(file).equals(upstream)).toBe(true);
  });

  it('sends and follows a wan-2-5-video clip on that model’s endpoints, and keeps its model', async () => {
    const { wan, seen } = observedClient();
    const request = generationRequestSchema.parse({ model: 'wan-2-5-video', prompt: 'a heron at dawn', resolution: '480p', seed: 7 });
    const row = await submitAndDispatch({ ...owner, request }, deps(wan));
    expect(row.model).toBe('wan-2-5-video');
    const done = await refreshUntilFinished(row.id, wan);
    expect(done.state).toBe('success');
    expect(new Set(seen.models)).toEqual(new Set(['wan-2-5-video']));
  });

  it('records the fail code of a task the service refuses', async () => {
    const { wan } = observedClient();
    const row = await submitAndDispatch({ ...owner, request: generationRequestSchema.parse({ prompt: 'something forbidden' }) }, deps(wan));
    const done = await refreshUntilFinished(row.id, wan);
    expect(done).toMatchObject({ state: 'failed', failCode: 'CONTENT_VIOLATION' });
  });
});
