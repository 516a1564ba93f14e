import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { getSpendToday, utcDayStart } from '@/db/queries/spend';
import { getGenerationForWorker, updateGeneration } from '@/db/queries/tracker';
import { cancelGeneration, requeueUnknown } from '@/db/queries/queue';
import { createTeam, updateTeam } from '@/db/queries/teams';
import { generations } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { generationRequestSchema, type GenerationRequest } from '@/lib/generation/schema';
import { nextQueueRank, submitGenerations } from '@/lib/tasks/submit';
import { teamSettingsSchema } from '@/lib/teams/schemas';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { storeOnlyDeps } from '@/test/store-only-deps';
import { newCallbackSecret } from '@/lib/tasks/callback';
import { guardFor, instanceLimits, limitsFor, withinLimits } from './limits';
import { samePrices } from '@/lib/generation/request-fields';

const PRICES = samePrices({ '480p': 6, '720p': 6, '1080p': 10 });

// Every limit is an attack it stops: an owner raising their own team's limits, a second team to double
// the hourly quota, many teams or many people draining one studio's key in a day. 720p 5 s = 30 cents here.

const NOW = new Date('2026-12-01T19:00:00Z');
const deps = storeOnlyDeps(NOW);
const clip = (prompt = 'a paper boat on a rain gutter'): GenerationRequest => generationRequestSchema.parse({ prompt, seed: 7 });

function start(owner: Owner, teamId = owner.teamId, count = 1) {
  const requests = Array.from({ length: count }, (_, i) => clip(`clip ${i}`));
  return withinLimits({ teamId, userId: owner.userId, requests, now: NOW }, (guard) => submitGenerations({ userId: owner.userId, teamId, requests, guard }, deps));
}

function setEnv(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetEnvForTests();
}

let people = 0;
const person = () => createOwner(`spender-${++people}@example.test`);

beforeAll(() => setEnv({ PRICE_720P_CENTS_PER_SECOND: '6' }));
beforeEach(async () => {
  await getDb().delete(generations);
  setEnv({ HOURLY_QUOTA: '100', PERSON_DAILY_BUDGET_CENTS: '100000', STUDIO_DAILY_BUDGET_CENTS: '100000', SWEEP_BUDGET_CENTS: '1000' });
});
afterEach(() => resetEnvForTests());

describe('a team cannot raise the studio’s limits', () => {
  it('the settings form refuses a limit above the studio’s, naming the most', () => {
    setEnv({ HOURLY_QUOTA: '20', SWEEP_BUDGET_CENTS: '500', STUDIO_DAILY_BUDGET_CENTS: '2000' });
    const schema = teamSettingsSchema(instanceLimits());
    const raised = schema.safeParse({ name: 'Mine', hourlyQuota: '10000', sweepBudgetUsd: '10000', dailyBudgetUsd: '' });
    expect(raised.error?.issues.map((issue) => issue.message)).toEqual(['At most $5.00, this studio’s cap per sweep', 'At most 20, this studio’s limit per person']);
    expect(schema.safeParse({ name: 'Mine', hourlyQuota: '5', sweepBudgetUsd: '2.5', dailyBudgetUsd: '20' }).success).toBe(true);
    expect(schema.safeParse({ name: 'Mine', hourlyQuota: '', sweepBudgetUsd: '', dailyBudgetUsd: '20.01' }).error?.issues[0]?.message).toBe('At most $20.00, this studio’s daily budget');
  });

  it('an owner whose team row says 10 000 clips an hour and a $10 000 cap still gets the studio’s limits', async () => {
    setEnv({ HOURLY_QUOTA: '3' });
    const owner = await person();
    await updateTeam({ teamId: owner.teamId, values: { hourlyQuota: 10_000, sweepBudgetCents: 1_000_000 } });
    expect(await limitsFor(owner.teamId)).toMatchObject({ memberHourly: 3, sweepCapCents: 1000 });
    expect((await start(owner, owner.teamId, 3)).ok).toBe(true);
    const fourth = await start(owner);
    expect(fourth.ok).toBe(false);
    if (!fourth.ok) expect(fourth.message).toBe('You have started 3 clips in the last hour, this team’s limit per member. The next one is possible in about 60 min.');
  });

  it('a team may lower them: its own hourly limit and daily budget apply', async () => {
    const owner = await person();
    await updateTeam({ teamId: owner.teamId, values: { hourlyQuota: 2, dailyBudgetCents: 50 } });
    expect((await start(owner)).ok).toBe(true);
    const second = await start(owner);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.refusal).toMatchObject({ kind: 'team-daily', limit: 50, used: 30 });
  });
});

describe('a second team does not multiply the quota', () => {
  it('the hourly limit per person counts clips in every team', async () => {
    setEnv({ HOURLY_QUOTA: '3' });
    const owner = await person();
    const second = await createTeam({ name: 'Side project', ownerId: owner.userId });
    expect((await start(owner, owner.teamId, 3)).ok).toBe(true);
    const bypass = await start(owner, second);
    expect(bypass.ok).toBe(false);
    if (!bypass.ok) {
      expect(bypass.refusal).toMatchObject({ kind: 'person-hourly', limit: 3, used: 3 });
      expect(bypass.message).toContain('across all your teams');
    }
    expect(await getDb().$count(generations)).toBe(3);
  });

  it('the daily budget per person counts every team, and says when it resets', async () => {
    setEnv({ PERSON_DAILY_BUDGET_CENTS: '100' });
    const owner = await person();
    const second = await createTeam({ name: 'Another', ownerId: owner.userId });
    expect((await start(owner, owner.teamId, 2)).ok).toBe(true);
    expect((await start(owner, second)).ok).toBe(true);
    const over = await start(owner, second);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.message).toBe('This would cost about $0.30, over your daily budget of $1.00 ($0.90 spent today, $0.10 left). It resets at 00:00 UTC, in about 5 h.');
  });
});

describe('the studio’s daily budget holds across everyone', () => {
  it('many people in many teams stop at the studio’s budget, and the refusal names it', async () => {
    setEnv({ STUDIO_DAILY_BUDGET_CENTS: '100' });
    const crowd = await Promise.all([person(), person(), person(), person()]);
    const results = await Promise.all(crowd.map((owner) => start(owner)));
    expect(results.map((result) => result.ok)).toEqual([true, true, true, false]);
    const last = results[3];
    if (last && !last.ok) expect(last.message).toContain('over this studio’s daily budget of $1.00');
    expect((await getSpendToday({ now: NOW })).studioCents).toBe(90);
  });

  it('a clip cancelled before it was sent costs nothing and frees its share of the budget', async () => {
    setEnv({ STUDIO_DAILY_BUDGET_CENTS: '60' });
    const owner = await person();
    const first = await start(owner, owner.teamId, 2);
    expect((await start(owner)).ok).toBe(false);
    if (first.ok) await cancelGeneration({ id: first.value[0]?.id ?? '', teamId: owner.teamId, now: NOW, prices: PRICES });
    expect((await start(owner)).ok).toBe(true);
  });

  it('yesterday’s spend does not count today', async () => {
    setEnv({ STUDIO_DAILY_BUDGET_CENTS: '30' });
    const owner = await person();
    expect((await start(owner)).ok).toBe(true);
    await getDb().update(generations).set({ createdAt: new Date(utcDayStart(NOW).getTime() - 1) });
    expect((await start(owner)).ok).toBe(true);
  });
});

describe('what counts as spent', () => {
  it('Send again may pay a second time: it is counted again, and refused once the budget is used up', async () => {
    setEnv({ STUDIO_DAILY_BUDGET_CENTS: '60' });
    const owner = await person();
    const started = await start(owner);
    const id = started.ok ? (started.value[0]?.id ?? '') : '';
    await updateGeneration({ id, values: { state: 'unknown' } });
    const guard = { ...(await guardFor({ teamId: owner.teamId, userId: owner.userId, requests: [clip()], now: NOW })), clips: 0 };
    const again = { id, teamId: owner.teamId, now: NOW, rank: nextQueueRank(NOW), callbackSecret: newCallbackSecret(), guard };
    expect(await requeueUnknown(again)).toEqual({ ok: true });
    expect((await getGenerationForWorker({ id }))?.costCents).toBe(60);
    // The budget is now used up: the next Send again is refused, naming the budget.
    await updateGeneration({ id, values: { state: 'unknown' } });
    const refused = await requeueUnknown(again);
    expect(refused).toMatchObject({ ok: false, refusal: { kind: 'studio-daily', limit: 60, used: 60 } });
    expect((await getGenerationForWorker({ id }))?.state).toBe('unknown');
  });

  it('dismissing an unconfirmed clip keeps its cost (it may have been paid); cancelling a queued one gives it back', async () => {
    const owner = await person();
    const started = await start(owner, owner.teamId, 2);
    const [unconfirmed, queued] = started.ok ? started.value : [];
    await updateGeneration({ id: unconfirmed?.id ?? '', values: { state: 'unknown' } });
    await cancelGeneration({ id: unconfirmed?.id ?? '', teamId: owner.teamId, now: NOW, prices: PRICES });
    await cancelGeneration({ id: queued?.id ?? '', teamId: owner.teamId, now: NOW, prices: PRICES });
    expect((await getSpendToday({ now: NOW })).studioCents).toBe(30);
  });

  it('a clip sent again after an unconfirmed send, then cancelled before that send, keeps the first send’s price', async () => {
    const owner = await person();
    const started = await start(owner);
    const id = started.ok ? (started.value[0]?.id ?? '') : '';
    await updateGeneration({ id, values: { state: 'unknown' } });
    const guard = { ...(await guardFor({ teamId: owner.teamId, userId: owner.userId, requests: [clip()], now: NOW })), clips: 0 };
    await requeueUnknown({ id, teamId: owner.teamId, now: NOW, rank: nextQueueRank(NOW), callbackSecret: newCallbackSecret(), guard });
    expect((await getGenerationForWorker({ id }))?.costCents).toBe(60);
    await cancelGeneration({ id, teamId: owner.teamId, now: NOW, prices: PRICES });
    expect((await getGenerationForWorker({ id }))?.costCents).toBe(30);
  });

  it('imported clips (made elsewhere, no task) count against no hourly limit', async () => {
    setEnv({ HOURLY_QUOTA: '2' });
    const owner = await person();
    for (let i = 0; i < 5; i++) await insertTestGeneration(owner, { state: 'success', taskId: null, createdAt: NOW });
    expect((await start(owner, owner.teamId, 2)).ok).toBe(true);
  });
});
