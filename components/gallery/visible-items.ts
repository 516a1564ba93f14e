import type { GalleryItem } from '@/lib/gallery/schemas';
import { groupStack } from '@/lib/gallery/stack-groups';

/** Shown before the first clip of each group of an open stack that holds a sweep. */
export type StackGroupHeading = { sweepId: string | null; ids: string[]; seeds: number[] };
export type GridEntry = { item: GalleryItem; head: boolean; member: boolean; group?: StackGroupHeading };

/**
 * The grid's cards: each stack shows once, at its newest clip, wherever its clips fall across the
 * loaded pages; an expanded stack lists its other clips right after it, a sweep's clips together
 * under a heading (the newest clip's group first, so the card keeps its place).
 */
export function visibleEntries(items: GalleryItem[], { collapse, expanded }: { collapse: boolean; expanded: ReadonlyMap<string, GalleryItem[]> }): GridEntry[] {
  if (!collapse) return items.map((item) => ({ item, head: false, member: false }));
  const seen = new Set<string>();
  const entries: GridEntry[] = [];
  for (const item of items) {
    if (seen.has(item.stack.key)) continue;
    seen.add(item.stack.key);
    const members = expanded.get(item.stack.key);
    if (!members) {
      entries.push({ item, head: item.stack.count > 1, member: false });
      continue;
    }
    entries.push(...openStack(item, members));
  }
  return entries;
}

function openStack(head: GalleryItem, members: GalleryItem[]): GridEntry[] {
  const clips = members.some((member) => member.view.id === head.view.id) ? members : [head, ...members];
  const groups = groupStack(clips, (clip) => clip.stack.sweepId);
  const headed = groups.some((group) => group.sweepId !== null);
  return groups.flatMap((group) =>
    group.members.map((clip, index) => {
      const isHead = clip.view.id === head.view.id;
      const entry: GridEntry = { item: isHead ? head : clip, head: isHead, member: !isHead };
      if (headed && index === 0) entry.group = { sweepId: group.sweepId, ids: group.members.map((m) => m.view.id), seeds: group.members.map((m) => m.view.seed) };
      return entry;
    }),
  );
}
