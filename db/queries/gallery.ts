import 'server-only';
import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import { generations, images, users, type Generation } from '../schema';
import type { GenerationWithAuthor } from './generations';

export type GalleryCursor = { createdAt: number; id: string };
export type GalleryFilters = {
  q?: string;
  mode?: Generation['mode'];
  resolution?: Generation['resolution'];
  aspectRatio?: Generation['aspectRatio'];
  duration?: number;
  state?: Generation['state'];
  authorId?: string;
  favorite?: boolean;
  from?: Date;
  to?: Date;
};

/** Words as FTS5 terms: each quoted (no query syntax from users), all required, the last as a prefix. */
export function toMatchQuery(q: string): string | undefined {
  const words = q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return undefined;
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** SQL conditions for the filters; the full-text part stays behind this function (the dialect lives in db/). */
function conditions(teamId: string, f: GalleryFilters, cursor?: GalleryCursor): SQL[] {
  const where: SQL[] = [eq(generations.teamId, teamId)];
  const match = f.q ? toMatchQuery(f.q) : undefined;
  // The unary + keeps SQLite walking the team's index in gallery order (stopping after one page) and
  // checking each row against the matches, instead of fetching and sorting every match of a common word.
  if (match) where.push(sql`+${generations}.rowid IN (SELECT rowid FROM generations_fts WHERE generations_fts MATCH ${match})`);
  if (f.mode) where.push(eq(generations.mode, f.mode));
  if (f.resolution) where.push(eq(generations.resolution, f.resolution));
  if (f.aspectRatio) where.push(eq(generations.aspectRatio, f.aspectRatio));
  if (f.duration) where.push(eq(generations.duration, f.duration));
  if (f.state) where.push(eq(generations.state, f.state));
  if (f.authorId) where.push(eq(generations.userId, f.authorId));
  if (f.favorite !== undefined) where.push(eq(generations.favorite, f.favorite));
  if (f.from) where.push(gte(generations.createdAt, f.from));
  if (f.to) where.push(lte(generations.createdAt, f.to));
  if (cursor) {
    const at = new Date(cursor.createdAt);
    // Keyset pagination: strictly after the last row seen, in (created_at, id) order. No OFFSET.
    const before = or(lt(generations.createdAt, at), and(eq(generations.createdAt, at), lt(generations.id, cursor.id)));
    if (before) where.push(before);
  }
  return where;
}

export function galleryQuery({ teamId, filters = {}, cursor, limit }: { teamId: string; filters?: GalleryFilters; cursor?: GalleryCursor; limit: number }) {
  return getDb()
    .select({ generation: generations, authorName: users.name, imageFileName: images.fileName })
    .from(generations)
    .innerJoin(users, eq(users.id, generations.userId))
    .leftJoin(images, eq(images.id, generations.imageId))
    .where(and(...conditions(teamId, filters, cursor)))
    .orderBy(desc(generations.createdAt), desc(generations.id))
    .limit(limit);
}

/** One page of a team's gallery, newest first, and the cursor of the next page (null at the end). */
export async function listGallery(params: { teamId: string; filters?: GalleryFilters; cursor?: GalleryCursor; limit: number }): Promise<{
  items: GenerationWithAuthor[];
  next: GalleryCursor | null;
}> {
  const rows = galleryQuery({ ...params, limit: params.limit + 1 }).all();
  const items = rows.slice(0, params.limit).map((row) => ({ ...row.generation, authorName: row.authorName, imageFileName: row.imageFileName }));
  const last = items.at(-1);
  return { items, next: rows.length > params.limit && last ? { createdAt: last.createdAt.getTime(), id: last.id } : null };
}
