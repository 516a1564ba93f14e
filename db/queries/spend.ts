import 'server-only';
import { and, count, desc, eq, gt, gte, isNotNull, min, ne, or, sql, sum } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { modelIds, type PriceTable } from '../../lib/generation/schema';
import { generations, users } from '../schema';

/** The limits a new clip must stay within; every one is an instance value, or a team's lower one. */
export type SpendLimits = {
  /** Clips one member may start per hour in this team. */
  memberHourly: number;
  /** Clips one person may start per hour across all of their teams. */
  personHourly: number;
  /** US cents per UTC day: one person across all teams, the team (null: no own limit), the whole studio. */
  personDailyCents: number;
  teamDailyCents: number | null;
  studioDailyCents: number;
};

export type LimitKind = 'member-hourly' | 'person-hourly' | 'person-daily' | 'team-daily' | 'studio-daily';

/** The first limit a request would pass: which one, its value, how much is used, and when it frees up. */
export type LimitRefusal = { kind: LimitKind; limit: number; used: number; resetsAt: Date };

/** What a request adds, by whom, and against which limits. */
export type SpendGuard = { teamId: string; userId: string; now: Date; clips: number; cents: number; limits: SpendLimits };

const HOUR_MS = 60 * 60_000;

/** US cents per second of video, by model and resolution: the price table every cost here is estimated with. */
export type Prices = PriceTable;

/**
 * A clip's cost is what its sends may have cost: one clip's price per send that may have reached the service.
 * Taking back one send (cancelled before it was sent, or refused at send) subtracts one price, never below 0,
 * so a clip sent again after an unconfirmed send keeps the first one's price.
 */
export function withoutOneSend(prices: Prices) {
  const byResolution = (model: (typeof modelIds)[number]) =>
    sql`case ${generations.resolution} when '480p' then ${prices[model]['480p']} when '1080p' then ${prices[model]['1080p']} else ${prices[model]['720p']} end`;
  const perSecond = sql.join(modelIds.map((model) => sql`when ${model} then ${byResolution(model)}`), sql` `);
  const price = sql`((case ${generations.model} ${perSecond} end) * ${generations.duration})`;
  return sql`max(0, ${generations.costCents} - ${price})`;
}

export class LimitExceededError extends Error {
  constructor(readonly refusal: LimitRefusal) {
    super(`Over the ${refusal.kind} limit`);
    this.name = 'LimitExceededError';
  }
}

/** The start of the UTC day `now` is in; daily budgets reset then. */
export function utcDayStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

type Reader = Pick<Db, 'select'>;

// Imported clips were made elsewhere: they start nothing here, so they count against no hourly limit.
export const started = or(ne(generations.state, 'success'), isNotNull(generations.taskId));

function hourly(db: Reader, scope: ReturnType<typeof and>, since: Date) {
  const row = db
    .select({ n: count(), oldest: min(generations.createdAt) })
    .from(generations)
    .where(and(scope, gte(generations.createdAt, since), started))
    .get();
  return { used: row?.n ?? 0, oldest: row?.oldest ?? null };
}

/** What was spent since `since`: each row's cost is what it may have cost (0 once it provably never reached the service). */
function dailyCents(db: Reader, scope: ReturnType<typeof and> | undefined, since: Date): number {
  const row = db
    .select({ cents: sum(generations.costCents) })
    .from(generations)
    .where(and(scope, gte(generations.createdAt, since)))
    .get();
  return Number(row?.cents ?? 0);
}

/**
 * The first limit `guard` would pass, or undefined. Run inside the insert's IMMEDIATE transaction, so
 * requests racing each other (any team, any person) cannot exceed a limit between the count and the insert.
 */
export function findLimitRefusal(db: Reader, { teamId, userId, now, clips, cents, limits }: SpendGuard): LimitRefusal | undefined {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const tomorrow = new Date(utcDayStart(now).getTime() + 24 * HOUR_MS);
  const freesAt = (oldest: Date | null) => new Date((oldest ?? now).getTime() + HOUR_MS);

  const member = hourly(db, and(eq(generations.teamId, teamId), eq(generations.userId, userId)), hourAgo);
  if (member.used + clips > limits.memberHourly) return { kind: 'member-hourly', limit: limits.memberHourly, used: member.used, resetsAt: freesAt(member.oldest) };
  const person = hourly(db, eq(generations.userId, userId), hourAgo);
  if (person.used + clips > limits.personHourly) return { kind: 'person-hourly', limit: limits.personHourly, used: person.used, resetsAt: freesAt(person.oldest) };
  if (cents === 0) return undefined;

  const today = utcDayStart(now);
  const personCents = dailyCents(db, eq(generations.userId, userId), today);
  if (personCents + cents > limits.personDailyCents) return { kind: 'person-daily', limit: limits.personDailyCents, used: personCents, resetsAt: tomorrow };
  if (limits.teamDailyCents !== null) {
    const teamCents = dailyCents(db, eq(generations.teamId, teamId), today);
    if (teamCents + cents > limits.teamDailyCents) return { kind: 'team-daily', limit: limits.teamDailyCents, used: teamCents, resetsAt: tomorrow };
  }
  const studioCents = dailyCents(db, undefined, today);
  if (studioCents + cents > limits.studioDailyCents) return { kind: 'studio-daily', limit: limits.studioDailyCents, used: studioCents, resetsAt: tomorrow };
  return undefined;
}

/** Clips started in the last hour, by this member in this team and by this person in all teams, with the oldest of each. */
export async function getHourlyUse({ teamId, userId, now }: { teamId: string; userId: string; now: Date }) {
  const db = getDb();
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  return {
    member: hourly(db, and(eq(generations.teamId, teamId), eq(generations.userId, userId)), hourAgo),
    person: hourly(db, eq(generations.userId, userId), hourAgo),
  };
}

/** The same check outside a transaction: a clear early answer before anything is fetched or stored. */
export async function checkLimits(guard: SpendGuard): Promise<LimitRefusal | undefined> {
  return findLimitRefusal(getDb(), guard);
}

export type SpendToday = { studioCents: number; people: { userId: string; name: string; email: string; cents: number; clips: number }[] };

/** Today's spend (UTC day) for the administrator: the studio's total and the people who spent most. */
export async function getSpendToday({ now, limit = 10 }: { now: Date; limit?: number }): Promise<SpendToday> {
  const db = getDb();
  const today = utcDayStart(now);
  const cents = sum(generations.costCents);
  const people = db
    .select({ userId: generations.userId, name: users.name, email: users.email, cents, clips: count() })
    .from(generations)
    .innerJoin(users, eq(users.id, generations.userId))
    .where(and(gte(generations.createdAt, today), gt(generations.costCents, 0)))
    .groupBy(generations.userId)
    .orderBy(desc(cents))
    .limit(limit)
    .all();
  return { studioCents: dailyCents(db, undefined, today), people: people.map((row) => ({ ...row, cents: Number(row.cents ?? 0) })) };
}
