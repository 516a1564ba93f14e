import type { GallerySearch } from './schemas';

// The gallery URL's parameter names and its canonical query string, without zod: the gallery's filter bar
// needs them in the browser; parsing a URL (lib/gallery/schemas.ts) happens on the server.

/** Every gallery URL parameter, in the fixed order of the canonical query string (schemas.ts checks each has a schema). */
export const galleryParamNames = ['q', 'model', 'mode', 'res', 'aspect', 'dur', 'state', 'author', 'fav', 'tag', 'from', 'to', 'batch'] as const;

/** The canonical query string (fixed order, no empties): the same filters always give the same URL. */
export function toQueryString(search: GallerySearch): string {
  const out = new URLSearchParams();
  for (const name of galleryParamNames) {
    const value = search[name];
    if (value !== undefined && value !== '') out.set(name, String(value));
  }
  return out.toString();
}

export function isFiltered(search: GallerySearch): boolean {
  return galleryParamNames.some((name) => search[name] !== undefined);
}
