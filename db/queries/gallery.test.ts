import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { generations } from '@/db/schema';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { eq } from 'drizzle-orm';
import { listGallery, toMatchQuery } from './gallery';

let team: Owner;
let other: Owner;
const prompts = ['a red fox in deep snow', 'neon city at night, rain', 'a quiet forest clearing', 'Fox kits playing at dusk', 'lighthouse in a storm'];

beforeAll(async () => {
  team = await createOwner('gallery@example.test');
  other = await createOwner('other@example.test');
  for (let i = 0; i < 30; i++) {
    await insertTestGeneration(team, {
      prompt: prompts[i % prompts.length] ?? '',
      negativePrompt: i === 7 ? 'blurry watermark' : null,
      seed: i,
      resolution: i % 3 === 0 ? '1080p' : i === 10 ? '480p' : '720p',
      model: i === 10 || i === 11 ? 'wan-2-5-video' : 'wan-2-5',
      state: i % 4 === 0 ? 'failed' : 'success',
      favorite: i % 5 === 0,
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, 0, Math.floor(i / 2))), // pairs share a timestamp
    });
  }
  await insertTestGeneration(other, { prompt: 'a red fox that belongs to someone else' });
});

async function everything(filters = {}, limit = 7) {
  const seen: number[] = [];
  let cursor;
  for (;;) {
    const page = await listGallery({ teamId: team.teamId, filters, cursor, limit });
    seen.push(...page.items.map((item) => item.seed));
    if (!page.next) return seen;
    cursor = page.next;
  }
}

describe('listGallery', () => {
  it('pages newest first with a cursor: every clip once, none skipped, even when timestamps tie', async () => {
    const seeds = await everything();
    expect(seeds).toHaveLength(30);
    expect(new Set(seeds).size).toBe(30);
    const first = await listGallery({ teamId: team.teamId, limit: 3 });
    expect(first.items.map((item) => item.createdAt.getTime())).toEqual([...first.items.map((item) => item.createdAt.getTime())].sort((a, b) => b - a));
  });

  it('filters by model, and finds the second model’s 480p drafts', async () => {
    expect((await everything({ model: 'wan-2-5-video' })).sort((a, b) => a - b)).toEqual([10, 11]);
    expect(await everything({ resolution: '480p' })).toEqual([10]);
    expect(await everything({ model: 'wan-2-5' })).toHaveLength(28);
  });

  it('combines filters', async () => {
    const seeds = await everything({ resolution: '1080p', states: ['success'], favorite: true });
    expect(seeds.sort((a, b) => a - b)).toEqual([15]);
  });

  it('finds words in prompts and negative prompts, with prefixes and any case, only in this team', async () => {
    expect((await everything({ q: 'fox' })).length).toBe(12);
    expect((await everything({ q: 'FOX snow' })).length).toBe(6);
    expect(await everything({ q: 'watermark' })).toEqual([7]);
    expect((await everything({ q: 'lightho' })).length).toBe(6);
    expect(await everything({ q: 'zebra' })).toEqual([]);
  });

  it('treats search text as words, never as query syntax', async () => {
    expect(toMatchQuery('"fox" OR NEAR(snow*')).toBe('"fox" "OR" "NEAR" "snow"*');
    expect(await everything({ q: '" ( * ) :' })).toHaveLength(30); // no words: no search at all
    expect((await everything({ q: 'fox" OR "city' })).length).toBe(0);
  });

  it('keeps the search index in step when a prompt changes or a clip is deleted', async () => {
    const row = await insertTestGeneration(team, { prompt: 'an otter with a pebble', seed: 1000 });
    expect(await everything({ q: 'otter' })).toEqual([1000]);
    getDb().update(generations).set({ prompt: 'a beaver with a branch' }).where(eq(generations.id, row.id)).run();
    expect(await everything({ q: 'otter' })).toEqual([]);
    expect(await everything({ q: 'beaver' })).toEqual([1000]);
    getDb().delete(generations).where(eq(generations.id, row.id)).run();
    expect(await everything({ q: 'beaver' })).toEqual([]);
  });
});
