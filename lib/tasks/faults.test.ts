import { closedPort } from '@/test/net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { getGenerationForWorker } from '@/db/queries/tracker';
import { generations, type Generation } from '@/db/schema';
import type { Faults } from '@/emulator/faults';
import { createOwner, type Owner } from '@/test/fixtures';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { explainFailure } from '@/lib/generation/fail-codes';
import { generationRequestSchema, type GenerationRequestInput } from '@/lib/generation/schema';
import { createWanClient, type WanClient } from '@/lib/wan/client';
import { createRateLimiter } from '@/lib/wan/rate-limiter';
import { createResilientClient, defaultRetryPolicy } from '@/lib/wan/retry';
import type { TrackerDeps } from './deps';
import { refreshIfDue } from './refresh';
import { submitAndDispatch } from '@/test/submit';

// Each fault mode of the emulator, through the studio's real client, dispatcher and tracker:
// the clip completes when the fault is transient, fails with a clear message when it is permanent,
// and there is never a stuck task or a duplicate upstream task.

const SCALE = 0.005;
let emulator: TestEmulator;
let owner: Owner;
let seed = 0;

function studioClient(apiKey = KEY_A, timeoutMs = 3_000): WanClient {
  return createResilientClient(createWanClient({ baseUrl: emulator.apiBaseUrl, apiKey, timeoutMs }), {
    limiter: createRateLimiter({ perMinute: 1_000_000 }),
    policy: { ...defaultRetryPolicy, retries: 6, baseMs: 20, capMs: 200 },
  });
}

function deps(overrides: Partial<TrackerDeps> = {}): TrackerDeps {
  return { wan: studioClient(), now: () => new Date(), pollScale: SCALE, maxConcurrentTasks: 100, publicUrl: undefined, sendLeaseMs: 30_000, ...overrides };
}

async function generate(input: Partial<GenerationRequestInput> = {}, overrides: Partial<TrackerDeps> = {}): Promise<Generation> {
  seed += 1;
  const d = deps(overrides);
  const request = generationRequestSchema.parse({ prompt: `a lantern festival, take ${seed}`, seed, ...input });
  const row = await submitAndDispatch({ ...owner, request }, d);
  if (!['pending', 'processing'].includes(row.state)) return row;
  for (let i = 0; i < 800; i++) {
    await refreshIfDue(row.id, d);
    const current = await getGenerationForWorker({ id: row.id });
    if (current && ['success', 'failed'].includes(current.state)) return current;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('stuck: the generation never reached a terminal state');
}

async function withFaults(faults: Faults, run: () => Promise<void>) {
  emulator.setFaults(faults);
  try {
    await run();
  } finally {
    emulator.setFaults({});
  }
}

const created = () => emulator.stats().tasksCreated;

beforeAll(async () => {
  let n = 0;
  // Deterministic "random" faults: a fixed cycle instead of chance.
  const cycle = [0.1, 0.9, 0.3, 0.7, 0.5, 0.2, 0.8, 0.4, 0.6, 0.95];
  emulator = await startTestEmulator({ timeScale: SCALE, random: () => cycle[n++ % cycle.length] ?? 0.5 });
  owner = await createOwner('faults@example.test');
});
afterAll(() => emulator.stop());
beforeEach(async () => {
  await getDb().delete(generations);
});

describe('transient faults: the clip still completes, once', () => {
  it('500/503 answers to half the status calls', async () => {
    await withFaults({ errorRate: 0.5, routes: ['status'] }, async () => {
      const before = created();
      const row = await generate();
      expect(row.state).toBe('success');
      expect(created() - before).toBe(1);
    });
  });

  it('a burst of 429s on create, with Retry-After', async () => {
    await withFaults({ rateLimitBurst: { count: 2, retryAfterSeconds: 0 }, routes: ['create'] }, async () => {
      const before = created();
      expect((await generate()).state).toBe('success');
      expect(created() - before).toBe(1);
    });
  });

  it('a burst of 429s on create and status, without Retry-After', async () => {
    await withFaults({ rateLimitBurst: { count: 3 } }, async () => {
      const before = created();
      expect((await generate()).state).toBe('success');
      expect(created() - before).toBe(1);
    });
  });

  it('503 (service unavailable) on create: provably not created, so retried', async () => {
    await withFaults({ errorRate: 0.5, errorStatuses: [503], routes: ['create'] }, async () => {
      const before = created();
      expect((await generate()).state).toBe('success');
      expect(created() - before).toBe(1);
    });
  });

  it('malformed JSON bodies on status calls', async () => {
    await withFaults({ malformedRate: 0.5, routes: ['status'] }, async () => {
      expect((await generate()).state).toBe('success');
    });
  });

  it('dropped connections on status calls', async () => {
    await withFaults({ dropRate: 0.5, routes: ['status'] }, async () => {
      expect((await generate()).state).toBe('success');
    });
  });

  it('added latency below the timeout', async () => {
    await withFaults({ latencyMs: 100 }, async () => {
      expect((await generate()).state).toBe('success');
    });
  });

  it('a provider fault: auto fails over to the official provider', async () => {
    await withFaults({ providerFault: true }, async () => {
      const row = await generate({ provider: 'auto' });
      expect(row.state).toBe('success');
      expect(emulator.stats().providerByTask[row.taskId ?? '']).toBe('official');
    });
  });

  it('a callback that never comes: webhook mode falls back to polling', async () => {
    await withFaults({ callbacksNeverCome: true }, async () => {
      const row = await generate({ requestType: 'callback' }, { publicUrl: `http://127.0.0.1:${await closedPort()}` });
      expect(row.state).toBe('success');
      expect(row.pollCount).toBeGreaterThan(0);
    });
  });
});

describe('permanent faults: a clear, stored failure, never a duplicate', () => {
  it('a create answered but its connection dropped: unknown, not re-sent', async () => {
    await withFaults({ createSucceedsButDrops: true }, async () => {
      const before = created();
      const row = await generate();
      expect(row.state).toBe('unknown');
      expect(explainFailure(row.failCode).title).toBe('We could not confirm the task was created');
      expect(created() - before).toBe(1);
    });
  });

  it('a create that times out after sending: unknown, not re-sent', async () => {
    await withFaults({ latencyMs: 1_500, routes: ['create'] }, async () => {
      const row = await generate({}, { wan: studioClient(KEY_A, 300) });
      expect(row.state).toBe('unknown');
    });
  });

  it('500 on every create: failed with the status, nothing created', async () => {
    await withFaults({ errorRate: 1, errorStatuses: [500], routes: ['create'] }, async () => {
      const before = created();
      const row = await generate();
      expect(row).toMatchObject({ state: 'failed', failCode: 'HTTP_500' });
      expect(explainFailure(row.failCode).title).toBe('The service had an internal error');
      expect(created() - before).toBe(0);
    });
  });

  it('a refused key: failed with a message naming the key', async () => {
    const row = await generate({}, { wan: studioClient('not-a-key') });
    expect(row).toMatchObject({ state: 'failed', failCode: 'HTTP_401' });
    expect(explainFailure(row.failCode).advice).toContain('WAN_API_KEY');
  });

  it('the service fails the task (GENERATION_FAILED)', async () => {
    await withFaults({ failNext: { count: 1, failCode: 'GENERATION_FAILED', failMsg: 'Model crashed' } }, async () => {
      const row = await generate();
      expect(row).toMatchObject({ state: 'failed', failCode: 'GENERATION_FAILED', failMsg: 'Model crashed' });
    });
  });

  it('an unknown platform fail code is kept verbatim', async () => {
    await withFaults({ failNext: { count: 1, failCode: 'SOMETHING_NEW' } }, async () => {
      const row = await generate();
      expect(row.failCode).toBe('SOMETHING_NEW');
      expect(explainFailure(row.failCode).title).toContain('SOMETHING_NEW');
    });
  });
});
