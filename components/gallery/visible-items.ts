import type { GalleryItem } from '@/lib/gallery/schemas';

export type GridEntry = { item: GalleryItem; head: boolean; member: boolean };

/**
 * The grid's cards: each stack shows once, at its newest clip, wherever its clips fall across the
 * loaded pages; an expanded stack lists its other clips right after it.
 */
export function visibleEntries(items: GalleryItem[], { collapse, expanded }: { collapse: boolean; expanded: ReadonlyMap<string, GalleryItem[]> }): GridEntry[] {
  if (!collapse) return items.map((item) => ({ item, head: false, member: false }));
  const seen = new Set<string>();
  const entries: GridEntry[] = [];
  for (const item of items) {
    if (seen.has(item.stack.key)) continue;
    seen.add(item.stack.key);
    entries.push({ item, head: item.stack.count > 1, member: false });
    for (const member of expanded.get(item.stack.key) ?? []) {
      if (member.view.id !== item.view.id) entries.push({ item: member, head: false, member: true });
    }
  }
  return entries;
}
