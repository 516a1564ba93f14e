import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { getGenerationForWorker } from '@/db/queries/tracker';
import { generations } from '@/db/schema';
import { KEY_A, startTestEmulator, waitUntil, type TestEmulator } from '@/emulator/test-kit';
import { explainFailure } from '@/lib/generation/fail-codes';
import { generationRequestSchema } from '@/lib/generation/schema';
import { readBalanceUsd } from '@/lib/wan/balance';
import { createWanClient } from '@/lib/wan/client';
import { createRateLimiter } from '@/lib/wan/rate-limiter';
import { createResilientClient, defaultRetryPolicy } from '@/lib/wan/retry';
import { createOwner, type Owner } from '@/test/fixtures';
import { creditPauseStatus, forgetCreditPause } from './credit-pause';
import type { TrackerDeps } from './deps';
import { dispatchQueued } from './dispatch';
import { submitGeneration } from './submit';

// Out of credit: the service's first 402 is the clip's failure, in plain words with where to top up; the rest of
// the queue waits in place (never burned into failures) until the balance is back, then is sent and finishes.

const SCALE = 0.005;
let emulator: TestEmulator;
let owner: Owner;
let seed = 0;

function deps(overrides: Partial<TrackerDeps> = {}): TrackerDeps {
  const wan = createResilientClient(createWanClient({ baseUrl: emulator.apiBaseUrl, apiKey: KEY_A, timeoutMs: 3_000 }), {
    limiter: createRateLimiter({ perMinute: 1_000_000 }),
    policy: { ...defaultRetryPolicy, retries: 6, baseMs: 20, capMs: 200 },
  });
  const balanceUsd = () => readBalanceUsd({ baseUrl: emulator.apiBaseUrl, apiKey: KEY_A, timeoutMs: 2_000 });
  return { wan, now: () => new Date(), pollScale: SCALE, maxConcurrentTasks: 100, publicUrl: undefined, sendLeaseMs: 30_000, balanceUsd, ...overrides };
}

async function queue(n: number, d: TrackerDeps): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    seed += 1;
    const request = generationRequestSchema.parse({ prompt: `a paper boat on a pond, take ${seed}`, seed });
    ids.push((await submitGeneration({ ...owner, request }, d)).id);
  }
  return ids;
}

const rows = (ids: string[]) => Promise.all(ids.map(async (id) => (await getGenerationForWorker({ id }))!));
const states = async (ids: string[]) => (await rows(ids)).map((row) => row.state);

/** Dispatcher passes, as the sweeper makes them, until `done`. */
async function sweepUntil(d: TrackerDeps, done: () => Promise<boolean>, what: string): Promise<void> {
  await waitUntil(async () => {
    await dispatchQueued(d);
    return done();
  }, what, 8_000);
}

beforeAll(async () => {
  emulator = await startTestEmulator({ timeScale: SCALE });
  owner = await createOwner('credit@example.test');
});
afterAll(async () => {
  forgetCreditPause();
  await emulator.stop();
});
beforeEach(async () => {
  await getDb().delete(generations);
  forgetCreditPause();
  emulator.setBalance(1000);
});

describe('a 402 on send', () => {
  it('fails one clip saying the key is out of credit, keeps the rest queued, and sends them once the balance is back', async () => {
    const d = deps();
    emulator.setBalance(0);
    const ids = await queue(3, d);
    const createsBefore = emulator.stats().createCalls;
    await dispatchQueued(d);

    // All three went out together; only the first refusal is a failure.
    const [failed, ...waiting] = await rows(ids).then((all) => [...all].sort((a, b) => (a.state === 'failed' ? -1 : b.state === 'failed' ? 1 : 0)));
    expect(failed).toMatchObject({ state: 'failed', failCode: 'HTTP_402', costCents: 0 });
    expect(failed!.failMsg).toMatch(/^The API key is out of credit \(.*\)\. Top up at https:\/\/apixo\.ai; queued clips wait/);
    expect(explainFailure(failed!.failCode)).toMatchObject({ title: 'The API key is out of credit', link: { href: '/api/wan/top-up' } });
    expect(waiting.map((row) => row.state)).toEqual(['queued', 'queued']);
    expect(await creditPauseStatus()).toMatchObject({ paused: true });

    // Paused: passes send nothing at all, however many.
    const createsWhenPaused = emulator.stats().createCalls;
    expect(createsWhenPaused - createsBefore).toBeLessThanOrEqual(3);
    for (let i = 0; i < 5; i++) await dispatchQueued(d);
    expect(emulator.stats().createCalls).toBe(createsWhenPaused);
    expect(emulator.stats().tasksCreated).toBe(0);

    emulator.setBalance(50);
    const waitingIds = waiting.map((row) => row.id);
    await sweepUntil(d, async () => (await states(waitingIds)).every((state) => state !== 'queued'), 'the queued clips to be sent');
    expect(await states(waitingIds)).toEqual(expect.arrayContaining(['pending']));
    expect(await creditPauseStatus()).toEqual({ paused: false, since: undefined });
    expect(emulator.stats().tasksCreated).toBe(2);
  });

  it('puts a clip back in the queue, not into a failure, when a probe finds the credit still short', async () => {
    // The balance cannot be read: sending resumes to find out, and the service still says 402.
    const d = deps({ balanceUsd: async () => undefined });
    emulator.setBalance(0);
    const [first] = await queue(1, d);
    await dispatchQueued(d);
    expect((await rows([first!]))[0]).toMatchObject({ state: 'failed', failCode: 'HTTP_402' });

    const [second] = await queue(1, d);
    await sweepUntil(d, async () => emulator.stats().createCalls >= 2, 'a probing send');
    expect(await states([second!])).toEqual(['queued']);
    expect(await creditPauseStatus()).toMatchObject({ paused: true });

    emulator.setBalance(50);
    await sweepUntil(d, async () => (await states([second!]))[0] !== 'queued', 'the probe to succeed');
    expect(await states([second!])).toEqual(['pending']);
  });
});

describe('after a restart', () => {
  it('starts paused when the newest send was refused for credit, and resumes once the balance is back', async () => {
    const d = deps();
    emulator.setBalance(0);
    const [refused] = await queue(1, d);
    await dispatchQueued(d);
    expect(await states([refused!])).toEqual(['failed']);

    forgetCreditPause(); // a new process: nothing in memory
    const [waiting] = await queue(1, d);
    const creates = emulator.stats().createCalls;
    for (let i = 0; i < 3; i++) await dispatchQueued(d);
    expect(await creditPauseStatus()).toMatchObject({ paused: true });
    expect(await states([waiting!])).toEqual(['queued']);
    expect(emulator.stats().createCalls).toBe(creates);

    emulator.setBalance(50);
    await sweepUntil(d, async () => (await states([waiting!]))[0] !== 'queued', 'the clip to be sent');
    expect(await states([waiting!])).toEqual(['pending']);
  });

  it('is not paused when a send was accepted after the last credit failure', async () => {
    const d = deps();
    emulator.setBalance(0);
    await queue(1, d);
    await dispatchQueued(d);
    emulator.setBalance(50);
    await sweepUntil(d, async () => !(await creditPauseStatus()).paused, 'the pause to end');
    const [sent] = await queue(1, d);
    await dispatchQueued(d);
    expect(await states([sent!])).toEqual(['pending']);

    forgetCreditPause();
    expect(await creditPauseStatus()).toMatchObject({ paused: false });
  });
});
