import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { generations, images, users, type Generation, type NewGeneration } from '../schema';
import { openStates, unconfirmedSendStates } from '@/lib/generation/states';
import { preparedFor } from '../prepared';
import { stackKeyOf } from '../stack-key';
import { findLimitRefusal, LimitExceededError, type SpendGuard } from './spend';

export type GenerationWithAuthor = Generation & { authorName: string; imageFileName?: string | null };

export async function insertGeneration(values: NewGeneration, guard?: SpendGuard): Promise<Generation> {
  const [row] = await insertGenerations([values], guard);
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * Several generations in one transaction (a sweep): all are stored, or none. With a guard, the hourly counts,
 * today's spend and the insert happen under one IMMEDIATE lock, so a burst of parallel requests (from any
 * team or person) cannot slip past a limit between a check and an insert.
 */
export async function insertGenerations(rows: NewGeneration[], guard?: SpendGuard): Promise<Generation[]> {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const refusal = guard && findLimitRefusal(tx, guard);
      if (refusal) throw new LimitExceededError(refusal);
      return withStackKeys(db, rows).map((values) => tx.insert(generations).values(values).returning().get());
    },
    { behavior: 'immediate' },
  );
}

/** The stack key of each row, its start frame counted by bytes (one lookup per distinct image). */
function withStackKeys(db: Db, rows: NewGeneration[]): NewGeneration[] {
  const imageIds = [...new Set(rows.flatMap((row) => (row.imageId ? [row.imageId] : [])))];
  const shas = new Map(imageIds.length ? db.select({ id: images.id, sha256: images.sha256 }).from(images).where(inArray(images.id, imageIds)).all().map((image) => [image.id, image.sha256]) : []);
  return rows.map((values) => ({ ...values, stackKey: stackKeyOf(values, values.imageId ? shas.get(values.imageId) : undefined) }));
}

/** Generations with their author's name and start frame: what every page and watcher shows. */
function selectWithAuthor() {
  return getDb()
    .select({ generation: generations, authorName: users.name, imageFileName: images.fileName })
    .from(generations)
    .innerJoin(users, eq(users.id, generations.userId))
    .leftJoin(images, eq(images.id, generations.imageId))
    .$dynamic();
}

type JoinedRow = { generation: Generation; authorName: string; imageFileName: string | null };
const withAuthor = (row: JoinedRow): GenerationWithAuthor => ({ ...row.generation, authorName: row.authorName, imageFileName: row.imageFileName });

export async function getGenerationById({ id, teamId }: { id: string; teamId: string }): Promise<GenerationWithAuthor | undefined> {
  const row = selectWithAuthor()
    .where(and(eq(generations.id, id), eq(generations.teamId, teamId)))
    .get();
  return row && withAuthor(row);
}

// The id list travels as one JSON array bound to a single parameter, so one statement serves any count.
const idsParam = sql`(select value from json_each(${sql.placeholder('ids')}))`;

const byIds = preparedFor((db) => ({
  withAuthor: db
    .select({ generation: generations, authorName: users.name, imageFileName: images.fileName })
    .from(generations)
    .innerJoin(users, eq(users.id, generations.userId))
    .leftJoin(images, eq(images.id, generations.imageId))
    .where(and(inArray(generations.id, idsParam), eq(generations.teamId, sql.placeholder('teamId'))))
    .prepare(),
  states: db
    .select({
      id: generations.id,
      state: generations.state,
      archivedAt: generations.archivedAt,
      archivePath: generations.archivePath,
      archiveNextAt: generations.archiveNextAt,
      nextPollAt: generations.nextPollAt,
    })
    .from(generations)
    .where(and(inArray(generations.id, idsParam), eq(generations.teamId, sql.placeholder('teamId'))))
    .prepare(),
}));

export async function listGenerationsByIds({ ids, teamId }: { ids: string[]; teamId: string }): Promise<GenerationWithAuthor[]> {
  if (ids.length === 0) return [];
  return byIds().withAuthor.all({ ids: JSON.stringify(ids), teamId }).map(withAuthor);
}

/** Just what decides whether a watcher's copy is current: cheap enough to read for 50 clips per poll. */
export async function listGenerationStates({ ids, teamId }: { ids: string[]; teamId: string }) {
  if (ids.length === 0) return [];
  return byIds().states.all({ ids: JSON.stringify(ids), teamId });
}

/** The team's newest clips, trash left out (the studio's "recent" column). */
export async function listGenerations({ teamId, limit }: { teamId: string; limit: number }): Promise<GenerationWithAuthor[]> {
  return selectWithAuthor()
    .where(and(eq(generations.teamId, teamId), isNull(generations.deletedAt)))
    .orderBy(desc(generations.createdAt), desc(generations.id))
    .limit(limit)
    .all()
    .map(withAuthor);
}

export async function updateGeneration({ id, values }: { id: string; values: Partial<NewGeneration> }): Promise<Generation | undefined> {
  return getDb().update(generations).set(values).where(eq(generations.id, id)).returning().get();
}

/** Applies a finished status only while the task is still open: a replayed callback changes nothing. */
export async function applyCallbackStatus({ id, values }: { id: string; values: Partial<NewGeneration> }): Promise<boolean> {
  const result = getDb()
    .update(generations)
    .set(values)
    .where(
      and(
        eq(generations.id, id),
        or(inArray(generations.state, openStates), and(isNull(generations.taskId), inArray(generations.state, unconfirmedSendStates))),
      ),
    )
    .run();
  return result.changes === 1;
}

/** Tracker lease: only one caller (tab, sweeper or process) wins the right to refresh a due task. */
export async function claimDueGeneration({ id, now, leaseMs }: { id: string; now: Date; leaseMs: number }): Promise<boolean> {
  const result = getDb()
    .update(generations)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        eq(generations.id, id),
        inArray(generations.state, openStates),
        lte(generations.nextPollAt, now),
        or(isNull(generations.leaseUntil), lt(generations.leaseUntil, now)),
      ),
    )
    .run();
  return result.changes === 1;
}

/** The earliest time any open task is due for a refresh. */
export async function getNextDueAt(): Promise<Date | undefined> {
  const row = getDb()
    .select({ at: generations.nextPollAt })
    .from(generations)
    .where(and(inArray(generations.state, openStates), isNotNull(generations.nextPollAt)))
    .orderBy(asc(generations.nextPollAt))
    .limit(1)
    .get();
  return row?.at ?? undefined;
}

export async function listDueGenerationIds({ now, limit }: { now: Date; limit: number }): Promise<string[]> {
  const rows = getDb()
    .select({ id: generations.id })
    .from(generations)
    .where(and(inArray(generations.state, openStates), lte(generations.nextPollAt, now)))
    .orderBy(asc(generations.nextPollAt))
    .limit(limit)
    .all();
  return rows.map((row) => row.id);
}

/**
 * Finished clips whose copy is due another attempt: never tried, or past the previous one's backoff,
 * while the service's link still works (completed after `completedAfter`). A row whose attempts
 * stopped (no next attempt planned) is left alone.
 */
export async function listUnarchivedSuccessIds({ limit, now, completedAfter }: { limit: number; now: Date; completedAfter: Date }): Promise<string[]> {
  const rows = getDb()
    .select({ id: generations.id })
    .from(generations)
    .where(
      and(
        eq(generations.state, 'success'),
        isNull(generations.archivedAt),
        or(isNull(generations.archiveNextAt), lte(generations.archiveNextAt, now)),
        sql`coalesce(${generations.apiCompleteTime}, ${generations.completedAt}, ${generations.createdAt}) > ${completedAfter.getTime()}`,
      ),
    )
    .limit(limit)
    .all();
  return rows.map((row) => row.id);
}

/** Every finished clip that still has no copy of ours, oldest first: the expiry guard's list. */
export async function listSuccessesWithoutArchive({ limit }: { limit: number }): Promise<Pick<Generation, 'id' | 'teamId' | 'completedAt' | 'archiveAttempts' | 'archiveError'>[]> {
  return getDb()
    .select({
      id: generations.id,
      teamId: generations.teamId,
      completedAt: generations.completedAt,
      archiveAttempts: generations.archiveAttempts,
      archiveError: generations.archiveError,
    })
    .from(generations)
    .where(and(eq(generations.state, 'success'), isNull(generations.archivedAt)))
    .orderBy(asc(generations.completedAt))
    .limit(limit)
    .all();
}

// Hot single-row reads, compiled once per database (SQLite's prepare is costly at load).
const prepared = new WeakMap<Db, ReturnType<typeof prepareHotQueries>>();

function prepareHotQueries(db: Db) {
  return {
    byId: db.select().from(generations).where(eq(generations.id, sql.placeholder('id'))).prepare(),
  };
}

function hot() {
  const db = getDb();
  let queries = prepared.get(db);
  if (!queries) prepared.set(db, (queries = prepareHotQueries(db)));
  return queries;
}

/** For server-side work (tracker, archive) that is not scoped by a user's team. */
export async function getGenerationForWorker({ id }: { id: string }): Promise<Generation | undefined> {
  return hot().byId.get({ id });
}
