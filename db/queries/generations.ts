import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, getDb, preparedFor } from '../index';
import { audioTracks, generations, images, users, type Generation, type NewGeneration } from '../schema';
import { stackKeyOf } from '../stack-key';
import { findLimitRefusal, LimitExceededError, type SpendGuard } from './spend';

/**
 * A team's generations, as people see them.
 * Tenant rule: every read takes `teamId` and filters by it; every insert carries its row's team. The server's
 * own unscoped work (tracker, sweeper, archiver) lives in `./tracker`.
 */

export type GenerationWithAuthor = Generation & { authorName: string; imageFileName?: string | null; track?: { label: string; fileName: string; durationMs: number } | null };

/** Generations with their author's name, start frame and sound track: what every page, gallery card and watcher shows. */
export function selectWithAuthor(db: Db = getDb()) {
  return db
    .select({
      generation: generations,
      authorName: users.name,
      imageFileName: images.fileName,
      trackLabel: audioTracks.label,
      trackFileName: audioTracks.fileName,
      trackDurationMs: audioTracks.durationMs,
    })
    .from(generations)
    .innerJoin(users, eq(users.id, generations.userId))
    .leftJoin(images, eq(images.id, generations.imageId))
    .leftJoin(audioTracks, eq(audioTracks.id, generations.audioId))
    .$dynamic();
}

type JoinedRow = {
  generation: Generation;
  authorName: string;
  imageFileName: string | null;
  trackLabel: string | null;
  trackFileName: string | null;
  trackDurationMs: number | null;
};
/** The one mapper of `selectWithAuthor`'s rows. */
export const withAuthor = ({ generation, authorName, imageFileName, trackLabel, trackFileName, trackDurationMs }: JoinedRow): GenerationWithAuthor => ({
  ...generation,
  authorName,
  imageFileName,
  track: trackLabel !== null && trackFileName !== null && trackDurationMs !== null ? { label: trackLabel, fileName: trackFileName, durationMs: trackDurationMs } : null,
});

export async function insertGeneration(values: NewGeneration, guard?: SpendGuard): Promise<Generation> {
  const [row] = await insertGenerations([values], { guard });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * Several generations in one transaction (a sweep): all are stored, or none. With a guard, the hourly counts,
 * today's spend and the insert happen under one IMMEDIATE lock, so a burst of parallel requests (from any
 * team or person) cannot slip past a limit between a check and an insert.
 */
/** A chain's next shot was stored while this one was on its way: the place it was to open is taken. */
export class ChainPlaceTakenError extends Error {
  constructor(position: number) {
    super(`Shot ${position} of this chain was started a moment ago: open the chain to see it, or make another take there.`);
  }
}

/**
 * Stores the rows in one transaction, all or none. `guard`: the spend limits, checked inside it.
 * `freePlace`: a chain place that must hold no clip (trash left out) when they are stored.
 */
export async function insertGenerations(
  rows: NewGeneration[],
  { guard, freePlace }: { guard?: SpendGuard; freePlace?: { chainId: string; position: number } } = {},
): Promise<Generation[]> {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const refusal = guard && findLimitRefusal(tx, guard);
      if (refusal) throw new LimitExceededError(refusal);
      if (freePlace) {
        const taken = tx
          .select({ id: generations.id })
          .from(generations)
          .where(and(eq(generations.chainId, freePlace.chainId), eq(generations.chainPosition, freePlace.position), isNull(generations.deletedAt)))
          .get();
        if (taken) throw new ChainPlaceTakenError(freePlace.position);
      }
      return withStackKeys(db, rows).map((values) => tx.insert(generations).values(values).returning().get());
    },
    { behavior: 'immediate' },
  );
}

/** The stack key of each row, its start frame and sound track counted by bytes (one lookup per distinct file). */
function withStackKeys(db: Db, rows: NewGeneration[]): NewGeneration[] {
  const idsOf = (key: 'imageId' | 'audioId') => [...new Set(rows.flatMap((row) => (row[key] ? [row[key]] : [])))];
  const [imageIds, audioIds] = [idsOf('imageId'), idsOf('audioId')];
  const imageShas = new Map(imageIds.length ? db.select({ id: images.id, sha256: images.sha256 }).from(images).where(inArray(images.id, imageIds)).all().map((image) => [image.id, image.sha256]) : []);
  const audioShas = new Map(audioIds.length ? db.select({ id: audioTracks.id, sha256: audioTracks.sha256 }).from(audioTracks).where(inArray(audioTracks.id, audioIds)).all().map((track) => [track.id, track.sha256]) : []);
  return rows.map((values) => ({
    ...values,
    stackKey: stackKeyOf(values, values.imageId ? imageShas.get(values.imageId) : undefined, values.audioId ? audioShas.get(values.audioId) : undefined),
  }));
}

export async function getGenerationById({ id, teamId }: { id: string; teamId: string }): Promise<GenerationWithAuthor | undefined> {
  const row = selectWithAuthor()
    .where(and(eq(generations.id, id), eq(generations.teamId, teamId)))
    .get();
  return row && withAuthor(row);
}

// The id list travels as one JSON array bound to a single parameter, so one statement serves any count.
const idsParam = sql`(select value from json_each(${sql.placeholder('ids')}))`;
// The unary `+` keeps SQLite from answering through a team_id index (it did, scanning every clip of the team
// on each long poll): the rows are found by primary key, then checked against the team.
export const inTeamByIds = and(inArray(generations.id, idsParam), sql`+${generations.teamId} = ${sql.placeholder('teamId')}`);

const byIds = preparedFor((db) => ({
  withAuthor: selectWithAuthor(db).where(inTeamByIds).prepare(),
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
    .where(inTeamByIds)
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
