import { z } from 'zod';
import '@/lib/zod-jitless';
import { aspectRatios, modelIds, modes, resolutions } from '@/lib/generation/schema';
import { stateGroups, type StateGroup } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import { galleryParamNames } from './search-query';

export { galleryParamNames, isFiltered, toQueryString } from './search-query';

/* What crosses the gallery's boundary: the URL's filters, the commands' inputs, and the items it answers with. */

export const TAG_MAX = 32;
const day = /^\d{4}-\d{2}-\d{2}$/;

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'A tag needs at least one letter')
  .max(TAG_MAX, `Tags are at most ${TAG_MAX} characters`)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'Tags use letters, digits, spaces, - and _');

/** One schema per URL parameter: a bad one is dropped (and named), the rest still apply. */
const params = {
  q: z.string().trim().min(1).max(200),
  model: z.enum(modelIds),
  mode: z.enum(modes),
  res: z.enum(resolutions),
  aspect: z.enum(aspectRatios),
  dur: z.enum(['5', '10']),
  state: z.enum(Object.keys(stateGroups) as [StateGroup, ...StateGroup[]]),
  author: z.uuid(),
  fav: z.literal('1'),
  tag: tagSchema,
  from: z.string().regex(day).refine((value) => !Number.isNaN(Date.parse(value))),
  to: z.string().regex(day).refine((value) => !Number.isNaN(Date.parse(value))),
  batch: z.uuid(),
} as const satisfies Record<(typeof galleryParamNames)[number], z.ZodType>;

export type GalleryParam = keyof typeof params;
export type GallerySearch = { [K in GalleryParam]?: z.output<(typeof params)[K]> };

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

function read(raw: Raw, name: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(name) ?? undefined;
  const value = raw[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Parses the gallery URL; `ignored` lists parameters whose values made no sense. */
export function parseGallerySearch(raw: Raw): { search: GallerySearch; ignored: GalleryParam[] } {
  const search: Record<string, unknown> = {};
  const ignored: GalleryParam[] = [];
  for (const name of galleryParamNames) {
    const value = read(raw, name);
    if (value === undefined || value === '') continue;
    const parsed = params[name].safeParse(value);
    if (parsed.success) search[name] = parsed.data;
    else ignored.push(name);
  }
  return { search: search as GallerySearch, ignored };
}

/** Inclusive day bounds in UTC, so a shared link means the same days for everyone. */
export function dayRange(search: Pick<GallerySearch, 'from' | 'to'>): { from?: Date; to?: Date } {
  return {
    from: search.from ? new Date(`${search.from}T00:00:00.000Z`) : undefined,
    to: search.to ? new Date(`${search.to}T23:59:59.999Z`) : undefined,
  };
}

/** A stack card's key as the browser sends it back: a recipe hash (see db/stack-key.ts). */
export const stackKeySchema = z.string().regex(/^recipe:[\w-]{1,40}$/);

export const BULK_MAX = 500;

/** The clips a bulk command applies to: what the browser's selection sends. */
export const clipIdsSchema = z.array(z.uuid()).min(1, 'Select at least one clip').max(BULK_MAX, `Select at most ${BULK_MAX} clips`);

export const tagsInputSchema = z.array(tagSchema).min(1, 'Type a tag').max(10, 'At most 10 tags at once');

export const savedViewSchema = z.object({
  name: z.string().trim().min(1, 'Name the view').max(60, 'Names are at most 60 characters'),
  query: z.string().max(2000),
});

/** A clip as the gallery grid shows it: the view, its tags, and the stack it belongs to. */
export type GalleryItem = {
  view: GenerationView;
  favorite: boolean;
  tags: string[];
  authorId: string;
  /** The stack (same recipe but for the seed) it belongs to, its size, and the sweep it was made in, if any. */
  stack: { key: string; count: number; sweepId: string | null };
};

export type GalleryPage = { items: GalleryItem[]; next: string | null };
