import { describe, expect, it } from 'vitest';
import type { GalleryItem } from '@/lib/gallery/schemas';
import type { GenerationView } from '@/lib/generation/view';
import { visibleEntries } from './visible-items';

const item = (id: string, key: string, count: number, sweepId: string | null = null, seed = 1): GalleryItem => ({
  view: { id, seed } as GenerationView,
  favorite: false,
  tags: [],
  authorId: 'u',
  stack: { key, count, sweepId },
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

  it('groups an open stack’s sweep under one heading with its seeds, and the clips made alone under another', () => {
    // The newest clip is the sweep's first seed; the stack's clip made alone is older.
    const page = [item('s1', 'R', 4, 'S', 42), item('x', 'X', 1), item('s2', 'R', 4, 'S', 43)];
    const members = [item('s1', 'R', 4, 'S', 42), item('s2', 'R', 4, 'S', 43), item('s3', 'R', 4, 'S', 44), item('one', 'R', 4, null, 41)];
    const entries = visibleEntries(page, { collapse: true, expanded: new Map([['R', members]]) });
    expect(entries.map((entry) => [entry.item.view.id, entry.head, entry.group?.seeds ?? null])).toEqual([
      ['s1', true, [42, 43, 44]],
      ['s2', false, null],
      ['s3', false, null],
      ['one', false, [41]],
      ['x', false, null],
    ]);
    expect(entries[0]?.group?.sweepId).toBe('S');
    expect(entries[3]?.group?.sweepId).toBeNull();
  });

  it('adds no headings to a stack without a sweep', () => {
    const expanded = new Map([['A', [item('a1', 'A', 3), item('a2', 'A', 3), item('a3', 'A', 3)]]]);
    expect(visibleEntries(items, { collapse: true, expanded }).some((entry) => entry.group)).toBe(false);
  });

  it('shows every clip on its own when not collapsing (the trash)', () => {
    expect(visibleEntries(items, { collapse: false, expanded: new Map() })).toHaveLength(5);
  });
});
