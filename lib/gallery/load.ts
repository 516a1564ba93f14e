import 'server-only';
import { z } from 'zod';
import { countStacks, listGallery, listStack, type GalleryFilters } from '@/db/queries/gallery';
import { listTagsFor } from '@/db/queries/curation';
import type { GenerationWithAuthor } from '@/db/queries/generations';
import { getEnv } from '@/lib/env';
import { queuePositions } from '@/lib/queue/positions';
import { stateGroups } from '@/lib/generation/states';
import { toView, type GenerationView } from '@/lib/generation/view';
import { dayRange, type GalleryItem, type GalleryPage, type GallerySearch } from './schemas';

/** Where queued clips stand: `queuePositions`, or the long poll's copy cached per queue version. */
type Places = (ids: readonly string[]) => Promise<ReadonlyMap<string, number>>;

/** The place in the real send order of each waiting row, read once for all of them. */
async function positionsOf(rows: readonly GenerationWithAuthor[], places: Places = queuePositions): Promise<ReadonlyMap<string, number>> {
  const queued = rows.filter((row) => row.state === 'queued').map((row) => row.id);
  return queued.length ? places(queued) : new Map<string, number>();
}

const viewOf = (row: GenerationWithAuthor, positions: ReadonlyMap<string, number>) => toView(row, { pollScale: getEnv().pollScale, queuePosition: positions.get(row.id) ?? null });

/** Rows as the browser sees them, each waiting one with its place in the queue. */
export async function loadViews(rows: readonly GenerationWithAuthor[], places?: Places): Promise<GenerationView[]> {
  const positions = await positionsOf(rows, places);
  return rows.map((row) => viewOf(row, positions));
}

export async function loadView(row: GenerationWithAuthor): Promise<GenerationView> {
  return viewOf(row, await positionsOf([row]));
}

export type Cursor = { createdAt: number; id: string };

const cursorSchema = z.string().regex(/^\d{1,15}\.[0-9a-f-]{36}$/);

/** The keyset cursor as one opaque URL-safe string: `<created_at ms>.<id>`. */
export function encodeCursor(cursor: Cursor): string {
  return `${cursor.createdAt}.${cursor.id}`;
}

export function decodeCursor(raw: string | null | undefined): Cursor | undefined {
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const [createdAt = '', id = ''] = parsed.data.split('.');
  return { createdAt: Number(createdAt), id };
}

export const GALLERY_PAGE = 48;
export const STACK_MAX = 64;

export function filtersOf(search: GallerySearch, deleted = false): GalleryFilters {
  return {
    q: search.q,
    model: search.model,
    mode: search.mode,
    resolution: search.res,
    aspectRatio: search.aspect,
    duration: search.dur ? Number(search.dur) : undefined,
    states: search.state ? stateGroups[search.state] : undefined,
    authorId: search.author,
    favorite: search.fav ? true : undefined,
    tag: search.tag,
    batchId: search.batch,
    ...dayRange(search),
    deleted,
  };
}

async function toItems(teamId: string, rows: GenerationWithAuthor[], counts: Map<string, number>): Promise<GalleryItem[]> {
  const tags = await listTagsFor({ teamId, ids: rows.map((row) => row.id) });
  const positions = await positionsOf(rows);
  return rows.map((row) => ({
    view: viewOf(row, positions),
    favorite: row.favorite,
    tags: tags.get(row.id) ?? [],
    authorId: row.userId,
    stack: { key: row.stackKey, count: counts.get(row.stackKey) ?? 1, sweepId: row.sweepId },
  }));
}

/** One page of the gallery (or the trash) for the URL's filters, with tags and stack sizes. */
export async function loadGalleryPage({ teamId, search, cursor, deleted = false }: { teamId: string; search: GallerySearch; cursor?: string | null; deleted?: boolean }): Promise<GalleryPage> {
  const filters = filtersOf(search, deleted);
  const page = await listGallery({ teamId, filters, cursor: decodeCursor(cursor), limit: GALLERY_PAGE });
  // The trash lists every clip on its own: restoring is per clip.
  const counts = deleted ? new Map<string, number>() : await countStacks({ teamId, filters, stackKeys: [...new Set(page.items.map((row) => row.stackKey))] });
  return { items: await toItems(teamId, page.items, counts), next: page.next && encodeCursor(page.next) };
}

/** Every clip of one stack under the same filters: what "expand" shows. */
export async function loadStack({ teamId, search, stackKey }: { teamId: string; search: GallerySearch; stackKey: string }): Promise<GalleryItem[]> {
  const rows = await listStack({ teamId, stackKey, filters: filtersOf(search), limit: STACK_MAX });
  return toItems(teamId, rows, new Map([[stackKey, rows.length]]));
}
