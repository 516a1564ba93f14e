import 'server-only';
import { countStacks, listGallery, listStack, type GalleryFilters } from '@/db/queries/gallery';
import { listTagsFor } from '@/db/queries/curation';
import type { GenerationWithAuthor } from '@/db/queries/generations';
import { loadView } from '@/lib/gallery/load-view';
import { decodeCursor, encodeCursor } from './cursor';
import { stateGroups } from '@/lib/generation/states';
import { dayRange, type GallerySearch } from './filters';
import type { GalleryItem, GalleryPage } from './item';

export const GALLERY_PAGE = 48;
export const STACK_MAX = 64;

export function filtersOf(search: GallerySearch, deleted = false): GalleryFilters {
  return {
    q: search.q,
    mode: search.mode,
    resolution: search.res,
    aspectRatio: search.aspect,
    duration: search.dur ? Number(search.dur) : undefined,
    states: search.state ? stateGroups[search.state] : undefined,
    authorId: search.author,
    favorite: search.fav ? true : undefined,
    tag: search.tag,
    ...dayRange(search),
    deleted,
  };
}

async function toItems(teamId: string, rows: GenerationWithAuthor[], counts: Map<string, number>): Promise<GalleryItem[]> {
  const tags = await listTagsFor({ teamId, ids: rows.map((row) => row.id) });
  return Promise.all(
    rows.map(async (row) => ({
      view: await loadView(row),
      favorite: row.favorite,
      tags: tags.get(row.id) ?? [],
      authorId: row.userId,
      stack: { key: row.stackKey, count: counts.get(row.stackKey) ?? 1, sweep: row.sweepId !== null },
    })),
  );
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
