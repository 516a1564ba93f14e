import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { moveQueued } from '@/db/queries/queue';
import { dispatchTurns, generations, memberships } from '@/db/schema';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { generationRequestSchema } from '@/lib/generation/schema';
import type { TrackerDeps } from '@/lib/tasks/deps';
import { dispatchQueued } from '@/lib/tasks/dispatch';
import { submitGeneration } from '@/lib/tasks/submit';
import { createWanClient } from '@/lib/wan/client';
import { createOwner, type Owner } from '@/test/fixtures';
import { queuePositions } from './positions';

let emulator: TestEmulator;
let sent: string[] = [];
let deps: TrackerDeps;
let a: Owner;
let teammate: Owner;
let b: Owner;
let c: Owner;

beforeAll(async () => {
  emulator = await startTestEmulator({ timeScale: 0.005 });
  const real = createWanClient({ baseUrl: emulator.apiBaseUrl, apiKey: KEY_A, timeoutMs: 5_000 });
  deps = {
    wan: { ...real, createTask: (body) => (sent.push(body.input.prompt ?? ''), real.createTask(body)) },
    now: () => new Date(),
    pollScale: 0.005,
    maxConcurrentTasks: 0,
    publicUrl: undefined,
    sendLeaseMs: 30_000,
  };
  [a, b, c] = await Promise.all([createOwner('pos-a@example.test'), createOwner('pos-b@example.test'), createOwner('pos-c@example.test')]);
  const second = await createOwner('pos-a2@example.test');
  teammate = { userId: second.userId, teamId: a.teamId };
  await getDb().insert(memberships).values({ teamId: a.teamId, userId: second.userId, role: 'editor' });
});
afterAll(() => emulator.stop());
beforeEach(async () => {
  await getDb().delete(generations);
  await getDb().delete(dispatchTurns);
  sent = [];
});

async function queue(owner: Owner, prompt: string): Promise<string> {
  return (await submitGeneration({ ...owner, request: generationRequestSchema.parse({ prompt }) }, deps)).id;
}

/** Sends everything, one free slot at a time, as slots free up in production. */
async function drain(count: number): Promise<string[]> {
  for (let slots = 1; slots <= count; slots++) await dispatchQueued({ ...deps, maxConcurrentTasks: slots });
  return sent;
}

describe('queue positions', () => {
  it('are the order the dispatcher really sends in: teams, then people, take turns', async () => {
    const ids = new Map<string, string>();
    for (let i = 0; i < 6; i++) ids.set(`A${i}`, await queue(a, `A${i}`));
    for (let i = 0; i < 2; i++) ids.set(`B${i}`, await queue(b, `B${i}`));
    ids.set('A-mate', await queue(teammate, 'A-mate'));
    for (let i = 0; i < 3; i++) ids.set(`C${i}`, await queue(c, `C${i}`));

    const positions = await queuePositions([...ids.values()]);
    const predicted = [...ids.keys()].sort((x, y) => (positions.get(ids.get(x) ?? '') ?? 0) - (positions.get(ids.get(y) ?? '') ?? 0));
    expect(predicted.slice(0, 4)).toEqual(['A0', 'B0', 'C0', 'A-mate']);
    expect(await drain(ids.size)).toEqual(predicted);
  });

  it('follow the stored turns and a move within the author’s queue', async () => {
    const a0 = await queue(a, 'a0');
    await dispatchQueued({ ...deps, maxConcurrentTasks: 1 });
    // Team A was just served: B's later clip goes before A's next ones.
    const a1 = await queue(a, 'a1');
    const a2 = await queue(a, 'a2');
    const b0 = await queue(b, 'b0');
    expect(Object.fromEntries(await queuePositions([a0, a1, a2, b0]))).toEqual({ [b0]: 1, [a1]: 2, [a2]: 3 });
    await moveQueued({ id: a2, teamId: a.teamId, direction: 'up' });
    expect(Object.fromEntries(await queuePositions([a1, a2]))).toEqual({ [a2]: 2, [a1]: 3 });
    expect(await drain(4)).toEqual(['a0', 'b0', 'a2', 'a1']);
  });

  it('are empty for clips that are not queued, or unknown', async () => {
    const a0 = await queue(a, 'a0');
    await dispatchQueued({ ...deps, maxConcurrentTasks: 1 });
    expect((await queuePositions([a0, crypto.randomUUID()])).size).toBe(0);
  });
});
