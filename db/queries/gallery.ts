import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import { generations, generationTags, type Generation } from '../schema';
import { selectWithAuthor, withAuthor, type GenerationWithAuthor } from './generations';

export type GalleryCursor = { createdAt: number; id: string };
export type GalleryFilters = {
  q?: string;
  model?: Generation['model'];
  mode?: Generation['mode'];
  resolution?: Generation['resolution'];
  aspectRatio?: Generation['aspectRatio'];
  duration?: number;
  states?: readonly Generation['state'][];
  authorId?: string;
  favorite?: boolean;
  tag?: string;
  from?: Date;
  to?: Date;
  /** The clips of one batch (one file's rows). */
  batchId?: string;
  /** The trash instead of the gallery. */
  deleted?: boolean;
};

/** Words as FTS5 terms: each quoted (no query syntax from users), all required, the last as a prefix. */
export function toMatchQuery(q: string): string | undefined {
  const words = q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return undefined;
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** SQL conditions for the filters; the full-text part stays behind this function (the dialect lives in db/). */
function conditions(teamId: string, f: GalleryFilters, cursor?: GalleryCursor): SQL[] {
  const where: SQL[] = [eq(generations.teamId, teamId), f.deleted ? isNotNull(generations.deletedAt) : isNull(generations.deletedAt)];
  const match = f.q ? toMatchQuery(f.q) : undefined;
  // The unary + keeps SQLite walking the team's index in gallery order (stopping after one page) and
  // checking each row against the matches, instead of fetching and sorting every match of a common word.
  if (match) where.push(sql`+${generations}.rowid IN (SELECT rowid FROM generations_fts WHERE generations_fts MATCH ${match})`);
  if (f.tag) where.push(sql`+${generations.id} IN (SELECT ${generationTags.generationId} FROM ${generationTags} WHERE ${generationTags.teamId} = ${teamId} AND ${generationTags.tag} = ${f.tag})`);
  if (f.model) where.push(eq(generations.model, f.model));
  if (f.mode) where.push(eq(generations.mode, f.mode));
  if (f.resolution) where.push(eq(generations.resolution, f.resolution));
  if (f.aspectRatio) where.push(eq(generations.aspectRatio, f.aspectRatio));
  if (f.duration) where.push(eq(generations.duration, f.duration));
  if (f.states?.length === 1 && f.states[0]) where.push(eq(generations.state, f.states[0]));
  else if (f.states?.length) where.push(inArray(generations.state, [...f.states]));
  if (f.authorId) where.push(eq(generations.userId, f.authorId));
  if (f.favorite !== undefined) where.push(eq(generations.favorite, f.favorite));
  if (f.from) where.push(gte(generations.createdAt, f.from));
  if (f.to) where.push(lte(generations.createdAt, f.to));
  if (f.batchId) where.push(eq(generations.batchId, f.batchId));
  if (cursor) {
    const at = new Date(cursor.createdAt);
    // Keyset pagination: strictly after the last row seen, in (created_at, id) order. No OFFSET.
    const before = or(lt(generations.createdAt, at), and(eq(generations.createdAt, at), lt(generations.id, cursor.id)));
    if (before) where.push(before);
  }
  return where;
}

export function galleryQuery({ teamId, filters = {}, cursor, limit, also = [] }: { teamId: string; filters?: GalleryFilters; cursor?: GalleryCursor; limit: number; also?: SQL[] }) {
  return selectWithAuthor()
    .where(and(...conditions(teamId, filters, cursor), ...also))
    .orderBy(desc(generations.createdAt), desc(generations.id))
    .limit(limit);
}

/** One page of a team's gallery, newest first, and the cursor of the next page (null at the end). */
export async function listGallery(params: { teamId: string; filters?: GalleryFilters; cursor?: GalleryCursor; limit: number }): Promise<{
  items: GenerationWithAuthor[];
  next: GalleryCursor | null;
}> {
  const rows = galleryQuery({ ...params, limit: params.limit + 1 }).all();
  const items = rows.slice(0, params.limit).map(withAuthor);
  const last = items.at(-1);
  return { items, next: rows.length > params.limit && last ? { createdAt: last.createdAt.getTime(), id: last.id } : null };
}

/** How many clips each stack holds under the same filters: the number on a stack card. */
export async function countStacks(params: { teamId: string; filters?: GalleryFilters; stackKeys: string[] }): Promise<Map<string, number>> {
  if (params.stackKeys.length === 0) return new Map();
  const rows = stackCountQuery(params).all();
  return new Map(rows.map((row) => [row.key, row.clips]));
}

export function stackCountQuery({ teamId, filters = {}, stackKeys }: { teamId: string; filters?: GalleryFilters; stackKeys: string[] }) {
  return getDb()
    .select({ key: generations.stackKey, clips: count() })
    .from(generations)
    .where(and(...conditions(teamId, filters), inArray(generations.stackKey, stackKeys)))
    .groupBy(generations.stackKey);
}

/** Every clip of one stack (≤ limit), newest first, under the same filters. */
export async function listStack(params: { teamId: string; stackKey: string; filters?: GalleryFilters; limit: number }): Promise<GenerationWithAuthor[]> {
  return stackQuery(params).all().map(withAuthor);
}

export function stackQuery({ teamId, stackKey, filters = {}, limit }: { teamId: string; stackKey: string; filters?: GalleryFilters; limit: number }) {
  return galleryQuery({ teamId, filters, limit, also: [eq(generations.stackKey, stackKey)] });
}

/** Every clip of one sweep (≤ limit), newest first, i.e. in the order its seeds were asked for. */
export async function listSweep({ teamId, sweepId, limit }: { teamId: string; sweepId: string; limit: number }): Promise<GenerationWithAuthor[]> {
  return sweepQuery({ teamId, sweepId, limit }).all().map(withAuthor);
}

export function sweepQuery({ teamId, sweepId, limit }: { teamId: string; sweepId: string; limit: number }) {
  return galleryQuery({ teamId, limit, also: [eq(generations.sweepId, sweepId)] });
}

/** Every clip of one batch still in the gallery, in the order of the file's rows. */
export async function listBatch({ teamId, batchId }: { teamId: string; batchId: string }): Promise<GenerationWithAuthor[]> {
  return selectWithAuthor()
    .where(and(eq(generations.teamId, teamId), eq(generations.batchId, batchId), isNull(generations.deletedAt)))
    .orderBy(asc(generations.batchRow), asc(generations.id))
    .all()
    .map(withAuthor);
}

/** How many clips of one batch are still in the gallery, and how many of them are done. */
export async function countBatch({ teamId, batchId }: { teamId: string; batchId: string }): Promise<{ clips: number; done: number }> {
  const [row] = getDb()
    .select({ clips: count(), done: sql<number>`coalesce(sum(${generations.state} = 'success'), 0)` })
    .from(generations)
    .where(and(eq(generations.teamId, teamId), eq(generations.batchId, batchId), isNull(generations.deletedAt)))
    .all();
  return { clips: row?.clips ?? 0, done: Number(row?.done ?? 0) };
}
