import { beforeAll, describe, expect, it } from 'vitest';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { addTags, countTrash, listTagsFor, listTeamTags, moveToTrash, purgeTrash, removeTag, restoreFromTrash, setFavorite } from './curation';
import { countStacks, listGallery, listStack, listSweep } from './gallery';
import { samePrices } from '@/lib/generation/request-fields';

const PRICES = samePrices({ '480p': 6, '720p': 6, '1080p': 10 });

let team: Owner;
let other: Owner;

beforeAll(async () => {
  team = await createOwner('curator@example.test');
  other = await createOwner('stranger@example.test');
});

const seedsOf = (items: { seed: number }[]) => items.map((item) => item.seed).sort((a, b) => a - b);

describe('stacks', () => {
  it('puts clips that differ only by seed in one stack, and anything else in another', async () => {
    const base = { prompt: 'a paper boat on a puddle', resolution: '720p' as const };
    const a = await insertTestGeneration(team, { ...base, seed: 1 });
    const b = await insertTestGeneration(team, { ...base, seed: 2 });
    const longer = await insertTestGeneration(team, { ...base, seed: 3, duration: 10 });
    expect(a.stackKey).toBe(b.stackKey);
    expect(longer.stackKey).not.toBe(a.stackKey);

    const counts = await countStacks({ teamId: team.teamId, stackKeys: [a.stackKey, longer.stackKey] });
    expect(counts.get(a.stackKey)).toBe(2);
    expect(counts.get(longer.stackKey)).toBe(1);
    expect(seedsOf(await listStack({ teamId: team.teamId, stackKey: a.stackKey, limit: 10 }))).toEqual([1, 2]);
    // Another team's identical request is not part of this team's stack.
    await insertTestGeneration(other, { ...base, seed: 9 });
    expect(seedsOf(await listStack({ teamId: team.teamId, stackKey: a.stackKey, limit: 10 }))).toEqual([1, 2]);
  });

  it('stacks image-to-video clips by the start frame’s bytes, not by which upload they used', async () => {
    const { insertImage } = await import('./storage');
    const image = (sha256: string) =>
      insertImage({ id: crypto.randomUUID(), teamId: team.teamId, userId: team.userId, fileName: `${crypto.randomUUID()}.png`, format: 'png', width: 320, height: 180, bytes: 10, sha256 });
    const [first, sameBytes, other] = [await image('a'.repeat(64)), await image('a'.repeat(64)), await image('b'.repeat(64))];
    const clip = (imageId: string, seed: number) => insertTestGeneration(team, { mode: 'image-to-video', prompt: 'pan across', imageId, seed });
    const [a, b, c] = [await clip(first.id, 1), await clip(sameBytes.id, 2), await clip(other.id, 3)];
    expect(b.stackKey).toBe(a.stackKey);
    expect(c.stackKey).not.toBe(a.stackKey);
  });

  it('puts a sweep’s clips in the stack of their recipe: with the clip made alone, apart where a second axis differs', async () => {
    const alone = await insertTestGeneration(team, { prompt: 'sweep', seed: 1, duration: 5 });
    const sweepId = crypto.randomUUID();
    const five = await insertTestGeneration(team, { prompt: 'sweep', sweepId, seed: 5, duration: 5 });
    const ten = await insertTestGeneration(team, { prompt: 'sweep', sweepId, seed: 5, duration: 10 });
    expect(five.stackKey).toBe(alone.stackKey);
    expect(ten.stackKey).not.toBe(five.stackKey);
    expect((await listSweep({ teamId: team.teamId, sweepId, limit: 10 })).map((row) => row.id).sort()).toEqual([five.id, ten.id].sort());
    expect(await listSweep({ teamId: other.teamId, sweepId, limit: 10 })).toEqual([]);
  });
});

describe('tags and favourites', () => {
  it('tags clips, filters the gallery by tag, and removes a tag', async () => {
    const hero = await insertTestGeneration(team, { prompt: 'hero shot' });
    const plain = await insertTestGeneration(team, { prompt: 'plain shot' });
    await addTags({ teamId: team.teamId, ids: [hero.id], tags: ['client-a', 'final'] });
    await addTags({ teamId: team.teamId, ids: [hero.id], tags: ['final'] }); // twice is once

    expect((await listTagsFor({ teamId: team.teamId, ids: [hero.id, plain.id] })).get(hero.id)).toEqual(['client-a', 'final']);
    const tagged = await listGallery({ teamId: team.teamId, filters: { tag: 'final' }, limit: 10 });
    expect(tagged.items.map((item) => item.id)).toEqual([hero.id]);
    await addTags({ teamId: team.teamId, ids: [plain.id], tags: ['final'] });
    expect(await listTeamTags({ teamId: team.teamId })).toEqual([
      { tag: 'final', clips: 2 },
      { tag: 'client-a', clips: 1 },
    ]);
    await removeTag({ teamId: team.teamId, ids: [plain.id], tag: 'final' });
    // Tags are per team: the same tag name elsewhere finds nothing here.
    expect((await listGallery({ teamId: other.teamId, filters: { tag: 'final' }, limit: 10 })).items).toEqual([]);

    await removeTag({ teamId: team.teamId, ids: [hero.id], tag: 'final' });
    expect((await listGallery({ teamId: team.teamId, filters: { tag: 'final' }, limit: 10 })).items).toEqual([]);
  });

  it('never favourites another team’s clip', async () => {
    const theirs = await insertTestGeneration(other, { prompt: 'not yours' });
    expect(await setFavorite({ teamId: team.teamId, ids: [theirs.id], favorite: true })).toBe(0);
  });
});

describe('trash', () => {
  it('hides deleted clips from the gallery, lists them in the trash, and restores them', async () => {
    const clip = await insertTestGeneration(team, { prompt: 'oops deleted', state: 'success' });
    expect(await moveToTrash({ teamId: team.teamId, ids: [clip.id], userId: team.userId, now: new Date() , prices: PRICES })).toBe(1);
    const gallery = await listGallery({ teamId: team.teamId, filters: { q: 'oops' }, limit: 10 });
    expect(gallery.items).toEqual([]);
    const trash = await listGallery({ teamId: team.teamId, filters: { q: 'oops', deleted: true }, limit: 10 });
    expect(trash.items.map((item) => item.id)).toEqual([clip.id]);

    expect(await restoreFromTrash({ teamId: team.teamId, ids: [clip.id] })).toBe(1);
    expect((await listGallery({ teamId: team.teamId, filters: { q: 'oops' }, limit: 10 })).items.map((item) => item.id)).toEqual([clip.id]);
  });

  it('cancels a deleted clip that was still waiting to be sent, so it is never paid for', async () => {
    const waiting = await insertTestGeneration(team, { prompt: 'queued then deleted', state: 'queued', queueRank: 1 });
    await moveToTrash({ teamId: team.teamId, ids: [waiting.id], userId: team.userId, now: new Date() , prices: PRICES });
    const { getGenerationForWorker } = await import('./tracker');
    expect(await getGenerationForWorker({ id: waiting.id })).toMatchObject({ state: 'cancelled', queueRank: null });
  });

  it('purges only what has been in the trash longer than the cut-off, and never an open task', async () => {
    const old = await insertTestGeneration(team, { prompt: 'old trash', state: 'success', archivePath: 'old.mp4' });
    const recent = await insertTestGeneration(team, { prompt: 'recent trash', state: 'failed' });
    const running = await insertTestGeneration(team, { prompt: 'running trash', state: 'processing' });
    const day = 24 * 60 * 60_000;
    const now = Date.now();
    await moveToTrash({ teamId: team.teamId, ids: [old.id, running.id], userId: team.userId, now: new Date(now - 31 * day) , prices: PRICES });
    await moveToTrash({ teamId: team.teamId, ids: [recent.id], userId: team.userId, now: new Date(now - day) , prices: PRICES });

    const purged = await purgeTrash({ before: new Date(now - 30 * day) });
    expect(purged).toEqual({ ids: [old.id], archivePaths: ['old.mp4'] });
    const { getGenerationForWorker } = await import('./tracker');
    expect(await getGenerationForWorker({ id: recent.id })).toBeDefined();
    expect(await getGenerationForWorker({ id: running.id })).toBeDefined();
    expect(await countTrash({ teamId: team.teamId })).toBeGreaterThanOrEqual(2);
  });
});
