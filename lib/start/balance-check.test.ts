import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { generations } from '@/db/schema';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { generationRequestSchema, type GenerationRequest } from '@/lib/generation/schema';
import type { TrackerDeps } from '@/lib/tasks/deps';
import { readBalanceUsd } from '@/lib/wan/balance';
import { createOwner, type Owner } from '@/test/fixtures';
import { storeOnlyDeps } from '@/test/store-only-deps';
import { importOverCap, sweepOverCap } from './refusal-message';
import { precheckStart, startClips } from './start-clips';

// A sweep or an import the key cannot pay for is refused before anything is stored, saying so;
// a balance that cannot be read refuses nothing. 720p 5 s = 30 cents here (the default prices).

let emulator: TestEmulator;
let owner: Owner;

const NOW = new Date();
const deps = (balanceUsd: TrackerDeps['balanceUsd']) => storeOnlyDeps(NOW, balanceUsd);
const emulatorBalance = () => readBalanceUsd({ baseUrl: emulator.apiBaseUrl, apiKey: KEY_A, timeoutMs: 2_000 });

const seeds = (n: number): GenerationRequest[] =>
  Array.from({ length: n }, (_, i) => generationRequestSchema.parse({ prompt: 'a slow tide over black sand', seed: 100 + i }));
const stored = async () => getDb().select().from(generations).where(eq(generations.teamId, owner.teamId)).all().length;
const sweep = (n: number, d: TrackerDeps) => startClips({ ...owner, requests: seeds(n), overCap: (over) => sweepOverCap(over, 'Team'), sweepId: crypto.randomUUID() }, d);

beforeAll(async () => {
  emulator = await startTestEmulator();
  owner = await createOwner('balance-check@example.test');
});
afterAll(() => emulator.stop());
beforeEach(async () => {
  await getDb().delete(generations);
});

describe('a sweep over the balance', () => {
  it('is refused before anything is stored, naming the cost and the balance', async () => {
    emulator.setBalance(1);
    const started = await sweep(4, deps(emulatorBalance));
    expect(started).toEqual({
      ok: false,
      kind: 'over-balance',
      message: 'These 4 clips would cost about $1.20, more than the API key’s balance of $1.00. Top up the balance, or start fewer, shorter or lower-resolution clips.',
    });
    expect(await stored()).toBe(0);
  });

  it('is stored when the balance covers it, or when no balance can be read', async () => {
    emulator.setBalance(1.2);
    expect(await sweep(4, deps(emulatorBalance))).toMatchObject({ ok: true });
    emulator.setFaults({ errorRate: 1, routes: ['balance'] });
    try {
      expect(await sweep(4, deps(emulatorBalance))).toMatchObject({ ok: true });
    } finally {
      emulator.setFaults({});
    }
    expect(await stored()).toBe(8);
  });

  it('asks afresh before refusing: a top-up a moment ago counts', async () => {
    const asked: boolean[] = [];
    const cachedLow = async ({ fresh = false } = {}) => (asked.push(fresh), fresh ? 5 : 0.5);
    expect(await sweep(4, deps(cachedLow))).toMatchObject({ ok: true });
    expect(asked).toEqual([false, true]);
  });

  it('leaves single clips to the service: one Generate is never refused for the balance', async () => {
    emulator.setBalance(0);
    const started = await startClips({ ...owner, requests: seeds(1) }, deps(emulatorBalance));
    expect(started).toMatchObject({ ok: true });
  });
});

describe('an import over the balance', () => {
  it('is refused by the precheck, before any start frame is fetched', async () => {
    emulator.setBalance(0.5);
    const checked = await precheckStart({ ...owner, requests: seeds(2), overCap: importOverCap, now: NOW }, deps(emulatorBalance));
    expect(checked).toMatchObject({ ok: false, message: expect.stringMatching(/^These 2 clips would cost about \$0\.60, more than the API key’s balance of \$0\.50\./) });
    emulator.setBalance(1000);
    expect(await precheckStart({ ...owner, requests: seeds(2), overCap: importOverCap, now: NOW }, deps(emulatorBalance))).toEqual({ ok: true });
  });
});
