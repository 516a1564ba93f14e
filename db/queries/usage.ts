import 'server-only';
import { and, count, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { stateGroups } from '../../lib/generation/states';
import { getDb } from '../index';
import { generations, users } from '../schema';
import { started } from './spend';

// Usage over a period, for one member in a team or the whole team. Every read is a range on
// (team_id, created_at): generations_team_created_idx, never a scan of the table.
// Counted: every clip started here in the period, trashed ones included (their cost was spent); imported
// clips are not (they were made elsewhere). Spend is cost_cents, the same figure the daily budgets add up.

export type UsageScopeFilter = { teamId: string; userId?: string };
export type UsageDayInput = { day: string; start: number; end: number };
/** One person's clips on one day: the cells the report adds up into days, people and totals. */
export type UsageCell = { day: string; userId: string; total: number; succeeded: number; failed: number; cancelled: number; timed: number; seconds: number; cents: number };

const failedStates = stateGroups.failed;
const isSuccess = sql`${generations.state} = 'success'`;

function inScope({ teamId, userId }: UsageScopeFilter, from: number, to: number): SQL | undefined {
  return and(
    eq(generations.teamId, teamId),
    userId === undefined ? undefined : eq(generations.userId, userId),
    gte(generations.createdAt, new Date(from)),
    lt(generations.createdAt, new Date(to)),
    started,
  );
}

/**
 * Each day's clips per person by outcome, seconds made and spend, in one pass over the period's rows. Days come
 * as ranges, so any time zone (DST included) buckets exactly; `timed` counts the successes the median is taken over.
 */
export async function listUsageCells({ scope, days }: { scope: UsageScopeFilter; days: UsageDayInput[] }): Promise<UsageCell[]> {
  if (days.length === 0) return [];
  const ranges = sql.join(days.map((d) => sql`(${d.day}, ${d.start}, ${d.end})`), sql`, `);
  const userFilter = scope.userId === undefined ? sql`` : sql` and g.user_id = ${scope.userId}`;
  return getDb().all<UsageCell>(sql`
    with days(day, start, finish) as (values ${ranges})
    select days.day as day, g.user_id as userId, count(*) as total,
      sum(g.state = 'success') as succeeded,
      sum(g.state in ('failed', 'unknown')) as failed,
      sum(g.state = 'cancelled') as cancelled,
      sum(g.state = 'success' and g.completed_at is not null) as timed,
      coalesce(sum(case when g.state = 'success' then g.duration end), 0) as seconds,
      coalesce(sum(g.cost_cents), 0) as cents
    from days cross join generations g
    where g.team_id = ${scope.teamId} and g.created_at >= days.start and g.created_at < days.finish${userFilter}
      and (g.state <> 'success' or g.task_id is not null)
    group by days.day, g.user_id`);
}

/** How often each fail code ended a clip in the period, most frequent first; a lost send counts as OUTCOME_UNKNOWN, a failure without a code as GENERATION_FAILED. */
export async function listFailCodes({ scope, from, to }: { scope: UsageScopeFilter; from: number; to: number }): Promise<{ code: string; count: number }[]> {
  const code = sql<string>`coalesce(${generations.failCode}, case ${generations.state} when 'unknown' then 'OUTCOME_UNKNOWN' else 'GENERATION_FAILED' end)`;
  return getDb()
    .select({ code, count: count() })
    .from(generations)
    .where(and(inScope(scope, from, to), inArray(generations.state, failedStates)))
    .groupBy(code)
    .orderBy(desc(count()), code)
    .all();
}

/**
 * The median time from start to finish of the period's `timed` successful clips (their count, from the cells),
 * in ms: the middle one, or the mean of the middle two when even; null when none. One ordered pass, no average.
 */
export async function getMedianGenerationMs({ scope, from, to, timed }: { scope: UsageScopeFilter; from: number; to: number; timed: number }): Promise<number | null> {
  if (timed === 0) return null;
  const where = and(inScope(scope, from, to), isSuccess, isNotNull(generations.completedAt));
  const row = getDb().get<{ median: number | null }>(sql`
    select avg(took) as median from (
      select ${generations.completedAt} - ${generations.createdAt} as took from ${generations} where ${where}
      order by took limit ${2 - (timed % 2)} offset ${Math.floor((timed - 1) / 2)}
    )`);
  return row?.median ?? null;
}

/** Names for the people in a team's report (ids taken from its own rows; someone who left still has clips). */
export async function listUserNames({ ids }: { ids: string[] }): Promise<{ id: string; name: string; email: string }[]> {
  if (ids.length === 0) return [];
  return getDb().select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids)).all();
}
