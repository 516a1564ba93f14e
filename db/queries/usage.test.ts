import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { memberships, type NewGeneration } from '@/db/schema';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { dayRanges } from '@/lib/usage/period';
import { loadUsage } from '@/lib/usage/load-usage';

const now = new Date('2026-03-20T12:00:00Z');
const at = (iso: string) => new Date(iso);
let taskSeq = 0;

/** A clip that was sent (it has a task id), started at `created`, finished `tookS` seconds later. */
function clip(author: Owner, created: string, values: Partial<NewGeneration> & { tookS?: number } = {}) {
  const { tookS, ...rest } = values;
  const createdAt = at(created);
  return insertTestGeneration(author, {
    taskId: `task-${++taskSeq}`,
    state: 'success',
    costCents: 50,
    createdAt,
    completedAt: tookS === undefined ? createdAt : new Date(createdAt.getTime() + tookS * 1000),
    ...rest,
  });
}

async function world() {
  const owner = await createOwner(`owner-${crypto.randomUUID()}@usage.test`);
  const editor = await createOwner(`editor-${crypto.randomUUID()}@usage.test`);
  getDb().insert(memberships).values({ teamId: owner.teamId, userId: editor.userId, role: 'editor' }).run();
  return { owner, editor: { userId: editor.userId, teamId: owner.teamId }, other: await createOwner(`other-${crypto.randomUUID()}@usage.test`) };
}

const query = (scope: 'me' | 'team', period: 7 | 30 | 90 = 30, tz = 'UTC') => ({ period, scope, tz });

describe('usage', () => {
  it('adds up clips, seconds, spend, success rate and fail codes of the team, trashed clips included, others excluded', async () => {
    const { owner, editor, other } = await world();
    await clip(owner, '2026-03-19T10:00:00Z', { duration: 5, costCents: 50 });
    await clip(owner, '2026-03-19T11:00:00Z', { duration: 10, resolution: '1080p', costCents: 150, deletedAt: now });
    await clip(owner, '2026-03-18T09:00:00Z', { state: 'failed', failCode: 'CONTENT_VIOLATION', costCents: 50 });
    await clip(editor, '2026-03-18T09:30:00Z', { state: 'failed', failCode: 'CONTENT_VIOLATION', costCents: 50 });
    await clip(editor, '2026-03-18T10:00:00Z', { state: 'unknown', taskId: null, costCents: 50 });
    await clip(editor, '2026-03-20T11:00:00Z', { state: 'cancelled', taskId: null, costCents: 0 });
    await clip(editor, '2026-03-20T11:30:00Z', { state: 'processing' });
    // Imported (made elsewhere: success without a task), and another team's: neither counts.
    await clip(owner, '2026-03-19T10:00:00Z', { taskId: null, costCents: 0 });
    await clip(other, '2026-03-19T10:00:00Z', { costCents: 9_999 });

    const team = await loadUsage({ teamId: owner.teamId, userId: owner.userId, query: query('team'), now });
    expect(team.totals).toMatchObject({ clips: 7, succeeded: 2, failed: 3, cancelled: 1, running: 1, seconds: 15, cents: 400 });
    expect(team.totals.successRate).toBeCloseTo(2 / 5);
    expect(team.failCodes).toEqual([
      { code: 'CONTENT_VIOLATION', count: 2, title: 'The prompt was refused by the safety filter', advice: expect.any(String) },
      { code: 'OUTCOME_UNKNOWN', count: 1, title: 'We could not confirm the task was created', advice: expect.any(String) },
    ]);
    expect(team.people?.map((p) => [p.userId, p.clips, p.cents])).toEqual([
      [owner.userId, 3, 250],
      [editor.userId, 4, 150],
    ]);

    const mine = await loadUsage({ teamId: owner.teamId, userId: owner.userId, query: query('me'), now });
    expect(mine.totals).toMatchObject({ clips: 3, succeeded: 2, failed: 1, seconds: 15, cents: 250 });
    expect(mine.people).toBeNull();
    expect(mine.failCodes.map((f) => [f.code, f.count])).toEqual([['CONTENT_VIOLATION', 1]]);
  });

  it('buckets by day and keeps to the period: the first day’s midnight counts, the day before does not', async () => {
    const { owner } = await world();
    const days = dayRanges({ period: 7, timeZone: 'UTC', now });
    expect(days.map((d) => d.day)).toEqual(['2026-03-14', '2026-03-15', '2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20']);
    await clip(owner, '2026-03-14T00:00:00.000Z');
    await clip(owner, '2026-03-13T23:59:59.999Z');
    await clip(owner, '2026-03-20T23:59:59.999Z', { state: 'failed', failCode: 'PROCESSING_TIMEOUT' });
    await clip(owner, '2026-03-21T00:00:00.000Z');
    const { days: byDay } = await loadUsage({ teamId: owner.teamId, userId: owner.userId, query: query('team', 7), now });
    expect(byDay[0]).toMatchObject({ day: '2026-03-14', succeeded: 1, failed: 0 });
    expect(byDay[6]).toMatchObject({ day: '2026-03-20', succeeded: 0, failed: 1 });
    expect(byDay.slice(1, 6).every((d) => d.succeeded + d.failed + d.cancelled + d.running === 0)).toBe(true);
    const report = await loadUsage({ teamId: owner.teamId, userId: owner.userId, query: query('me', 7), now });
    expect(report.totals.clips).toBe(2);
    expect((await loadUsage({ teamId: owner.teamId, userId: owner.userId, query: query('me', 30), now })).totals.clips).toBe(3);
  });

  it('counts days in the given time zone: 23:30 UTC is the next day in Tokyo and the same day in New York', async () => {
    const { owner } = await world();
    await clip(owner, '2026-03-18T23:30:00Z');
    const dayOf = async (tz: string) => (await loadUsage({ teamId: owner.teamId, userId: owner.userId, query: { period: 7, scope: 'team', tz }, now })).days.find((d) => d.succeeded === 1)?.day;
    expect(await dayOf('UTC')).toBe('2026-03-18');
    expect(await dayOf('Asia/Tokyo')).toBe('2026-03-19');
    expect(await dayOf('America/New_York')).toBe('2026-03-18');
    expect(await dayOf('Asia/Kathmandu')).toBe('2026-03-19');
  });

  it('takes the median of successful clips only: the middle one when odd, the mean of the middle two when even', async () => {
    const { owner } = await world();
    const median = async (userId = owner.userId) => (await loadUsage({ teamId: owner.teamId, userId, query: query('me'), now })).totals.medianMs;
    expect(await median()).toBeNull();
    for (const tookS of [60, 10, 1000]) await clip(owner, '2026-03-10T10:00:00Z', { tookS });
    await clip(owner, '2026-03-10T10:00:00Z', { tookS: 5, state: 'failed', failCode: 'GENERATION_FAILED' });
    expect(await median()).toBe(60_000); // the average would be 356 667
    await clip(owner, '2026-03-10T10:00:00Z', { tookS: 80 });
    expect(await median()).toBe(70_000);
    expect(await median(crypto.randomUUID())).toBeNull();
  });
});

describe('dayRanges', () => {
  it('makes a day across a DST change 23 hours long, and starts it at the zone’s midnight', () => {
    const days = dayRanges({ period: 3, timeZone: 'Europe/Paris', now: at('2026-03-30T12:00:00Z') });
    expect(days.map((d) => [d.day, new Date(d.start).toISOString(), (d.end - d.start) / 3_600_000])).toEqual([
      ['2026-03-28', '2026-03-27T23:00:00.000Z', 24],
      ['2026-03-29', '2026-03-28T23:00:00.000Z', 23],
      ['2026-03-30', '2026-03-29T22:00:00.000Z', 24],
    ]);
  });
});
