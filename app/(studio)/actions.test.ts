import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listGenerations } from '@/db/queries/generations';
import { getGenerationForWorker } from '@/db/queries/tracker';
import { createUserWithPersonalTeam } from '@/db/queries/users';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { session } from '@/test/session';
import { insertTestGeneration } from '@/test/fixtures';

vi.mock('@/lib/auth/session', () => import('@/test/session'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { createGeneration, createSweep, manageQueue, reproduceGeneration } = await import('./actions');

let emulator: TestEmulator;
let teamId: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ timeScale: 0.005 });
  process.env.WAN_BASE_URL = emulator.apiBaseUrl;
  process.env.EMULATOR_API_KEYS = KEY_A;
  const created = await createUserWithPersonalTeam({ email: 'bo@example.test', name: 'Bo', passwordHash: 'x' });
  if ('conflict' in created) throw new Error('conflict');
  teamId = created.teamId;
  session.context = {
    user: { id: created.user.id, name: 'Bo', email: 'bo@example.test' },
    team: { teamId, teamName: "Bo's studio", personal: true, role: 'owner' },
    member: { role: 'owner', userId: created.user.id },
    teams: [],
  };
});
afterAll(() => emulator.stop());

describe('createGeneration', () => {
  it('returns field errors for invalid input and stores nothing', async () => {
    const result = await createGeneration({ prompt: 'x'.repeat(801), seed: -3, duration: 7 as 5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      prompt: ['Prompt must be at most 800 characters'],
      seed: ['Seed must be 0 or more'],
      duration: ['Duration must be 5 or 10 seconds'],
    });
    expect(await listGenerations({ teamId, limit: 10 })).toEqual([]);
  });

  it('refuses a signed-out caller without touching the database', async () => {
    const saved = session.context;
    session.context = null;
    const result = await createGeneration({ prompt: 'anonymous' });
    session.context = saved;
    expect(result).toEqual({ ok: false, message: 'Your session has ended. Sign in again to continue.' });
    expect(await listGenerations({ teamId, limit: 10 })).toEqual([]);
  });

  it('refuses a viewer: a viewer cannot spend the team’s money', async () => {
    const saved = session.context;
    session.context = saved && { ...saved, team: { ...saved.team, role: 'viewer' }, member: { ...saved.member, role: 'viewer' } };
    const result = await createGeneration({ prompt: 'viewer tries' });
    session.context = saved;
    expect(result).toEqual({ ok: false, message: 'Your role in this team cannot do that.' });
  });

  it('stores a valid request and answers at once, fixing a seed when none was given; the dispatcher then sends it', async () => {
    const result = await createGeneration({ prompt: 'a heron in the reeds' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Answered as soon as the row is stored: Generate never waits for the dispatcher (or anyone's backlog).
    expect(result.data).toMatchObject({ prompt: 'a heron in the reeds', state: 'queued', resolution: '720p', duration: 5 });
    await expect.poll(async () => (await getGenerationForWorker({ id: result.data.id }))?.state).toBe('pending');
    expect(Number.isInteger(result.data.seed)).toBe(true);
    expect(JSON.stringify(result.data)).not.toContain(KEY_A);
  });

  it('reproduces a clip with its exact request and seed, and remembers the original', async () => {
    const first = await createGeneration({ prompt: 'snow on a neon sign', seed: 123, aspectRatio: '9:16' });
    if (!first.ok) throw new Error(first.message);
    const again = await reproduceGeneration(first.data.id, { newSeed: false });
    const varied = await reproduceGeneration(first.data.id, { newSeed: true });
    if (!again.ok || !varied.ok) throw new Error('reproduce failed');
    expect(again.data).toMatchObject({ prompt: 'snow on a neon sign', seed: 123, aspectRatio: '9:16', parentId: first.data.id });
    expect(varied.data.seed).not.toBe(123);
    expect(varied.data.parentId).toBe(first.data.id);
  });
});

describe('createSweep', () => {
  it('stores one clip per seed with an otherwise identical request, in the stack of the clip it came from', async () => {
    const origin = await createGeneration({ prompt: 'a lantern on a pier', seed: 1 });
    if (!origin.ok) throw new Error(origin.message);
    const result = await createSweep({ base: { prompt: 'a lantern on a pier', seed: 1 }, sweep: { seeds: { kind: 'next', from: 500, count: 4 } } });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.ids).toHaveLength(4);
    const all = await listGenerations({ teamId, limit: 100 });
    const rows = all.filter((row) => result.data.ids.includes(row.id));
    expect(rows.map((row) => row.seed).sort()).toEqual([500, 501, 502, 503]);
    expect(rows.every((row) => row.sweepId === result.data.sweepId)).toBe(true);
    const originKey = all.find((row) => row.id === origin.data.id)?.stackKey;
    expect(new Set(rows.map((row) => row.stackKey))).toEqual(new Set([originKey]));
    expect(new Set(rows.map((row) => `${row.prompt}|${row.resolution}|${row.duration}|${row.aspectRatio}`)).size).toBe(1);
    // 4 × 5 s at 720p, 6¢ a second.
    expect(result.data.costCents).toBe(120);
  });

  it('refuses a sweep over the cap per sweep and stores nothing', async () => {
    const before = (await listGenerations({ teamId, limit: 500 })).length;
    const result = await createSweep({
      base: { prompt: 'an expensive idea', resolution: '1080p', duration: 10 },
      sweep: { seeds: { kind: 'random', count: 16 }, axis: 'enablePromptExpansion' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^This sweep of 32 clips would cost about \$32\.00, over .* cap of \$10\.00 per sweep/);
    expect((await listGenerations({ teamId, limit: 500 })).length).toBe(before);
  });

  it('explains a bad seed list without storing anything', async () => {
    const result = await createSweep({ base: { prompt: 'list' }, sweep: { seeds: { kind: 'list', list: '1, two' } } });
    expect(result).toMatchObject({ ok: false, message: 'Seeds are whole numbers' });
  });
});

describe('hourly quota per member', () => {
  it('refuses clips beyond the team’s limit with the time the next one is possible, and stores nothing', async () => {
    const { updateTeam } = await import('@/db/queries/teams');
    const started = (await listGenerations({ teamId, limit: 500 })).length;
    await updateTeam({ teamId, values: { hourlyQuota: started + 1 } });
    try {
      const sweep = await createSweep({ base: { prompt: 'two more' }, sweep: { seeds: { kind: 'random', count: 2 } } });
      expect(sweep).toMatchObject({ ok: false, message: expect.stringMatching(/^This would start 2 clips, but you have 1 of your \d+ clips an hour left/) });
      expect((await createGeneration({ prompt: 'the last one this hour' })).ok).toBe(true);
      const refused = await createGeneration({ prompt: 'one too many' });
      expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^You have started \d+ clips in the last hour, this team’s limit per member\. The next one is possible in about \d+ min\.$/) });
      expect((await listGenerations({ teamId, limit: 500 })).length).toBe(started + 1);

      // A burst in parallel: the limit is counted with the insert, so it holds exactly.
      await updateTeam({ teamId, values: { hourlyQuota: started + 3 } });
      const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => createGeneration({ prompt: `burst ${i}` })));
      expect(burst.filter((result) => result.ok)).toHaveLength(2);
      expect((await listGenerations({ teamId, limit: 500 })).length).toBe(started + 3);
    } finally {
      await updateTeam({ teamId, values: { hourlyQuota: null } });
    }
  });
});

describe('manageQueue front', () => {
  it('sends the team’s last queued clip first and answers with its new place', async () => {
    const userId = session.context?.user.id ?? '';
    await insertTestGeneration({ userId, teamId }, { queueRank: 10 });
    const last = await insertTestGeneration({ userId, teamId }, { queueRank: 20 });
    const result = await manageQueue({ command: 'front', id: last.id });
    expect(result.ok && result.data.queuePosition).toBe(1);
  });

  it('moves nothing, and says why, for a clip that is no longer queued', async () => {
    const sent = await insertTestGeneration({ userId: session.context?.user.id ?? '', teamId }, { state: 'processing', queueRank: 5 });
    expect(await manageQueue({ command: 'front', id: sent.id })).toEqual({ ok: false, message: 'This clip is no longer waiting in the queue; nothing was moved.' });
  });

  it('refuses a malformed command with the schema’s words', async () => {
    expect(await manageQueue({ command: 'front', id: 'not-an-id' })).toEqual({ ok: false, message: 'That request is not valid.' });
  });
});
