import { describe, expect, it } from 'vitest';
import type { GalleryItem } from '@/lib/gallery/schemas';
import type { GenerationView } from '@/lib/generation/view';
import { visibleEntries } from './visible-items';

const item = (id: string, key: string, count: number): GalleryItem => ({
  view: { id } as GenerationView,
  favorite: false,
  tags: [],
  authorId: 'u',
  stack: { key, count, sweep: false },
});

describe('visibleEntries', () => {
  const items = [item('a1', 'A', 3), item('b1', 'B', 1), item('a2', 'A', 3), item('c1', 'C', 2), item('a3', 'A', 3)];

  it('shows a stack once, at its newest clip, even across pages', () => {
    const ids = visibleEntries(items, { collapse: true, expanded: new Map() }).map((entry) => entry.item.view.id);
    expect(ids).toEqual(['a1', 'b1', 'c1']);
  });

  it('lists an expanded stack’s other clips right after its card', () => {
    const expanded = new Map([['A', [item('a1', 'A', 3), item('a2', 'A', 3), item('a3', 'A', 3)]]]);
    const entries = visibleEntries(items, { collapse: true, expanded });
    expect(entries.map((entry) => [entry.item.view.id, entry.member])).toEqual([
      ['a1', false],
      ['a2', true],
      ['a3', true],
      ['b1', false],
      ['c1', false],
    ]);
  });

  it('shows every clip on its own when not collapsing (the trash)', () => {
    expect(visibleEntries(items, { collapse: false, expanded: new Map() })).toHaveLength(5);
  });
});
