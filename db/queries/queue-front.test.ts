import { beforeAll, describe, expect, it } from 'vitest';
import { queuePositions } from '@/lib/queue/positions';
import { getDb } from '@/db/index';
import { generations } from '@/db/schema';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { eq } from 'drizzle-orm';
import { moveQueuedToFront } from './queue';

let owner: Owner;
let other: Owner;
const rankOf = (id: string) => getDb().select({ rank: generations.queueRank }).from(generations).where(eq(generations.id, id)).get()?.rank;

beforeAll(async () => {
  owner = await createOwner('front@example.test');
  other = await createOwner('front-other@example.test');
});

describe('moveQueuedToFront', () => {
  it('sends the last queued clip of a team first, writing only its own rank', async () => {
    const [a, b, c] = [await insertTestGeneration(owner, { queueRank: 100 }), await insertTestGeneration(owner, { queueRank: 101 }), await insertTestGeneration(owner, { queueRank: 102 })];
    expect(await moveQueuedToFront({ id: c.id, teamId: owner.teamId })).toBe('moved');
    const positions = await queuePositions([a.id, b.id, c.id]);
    expect([positions.get(c.id), positions.get(a.id), positions.get(b.id)]).toEqual([1, 2, 3]);
    expect([rankOf(a.id), rankOf(b.id)]).toEqual([100, 101]);
  });

  it('leaves a clip that is first already, and says so', async () => {
    const first = await insertTestGeneration(other, { queueRank: 5 });
    await insertTestGeneration(other, { queueRank: 6 });
    expect(await moveQueuedToFront({ id: first.id, teamId: other.teamId })).toBe('first');
    expect(rankOf(first.id)).toBe(5);
  });

  it('moves nothing for a clip no longer queued, or one of another team', async () => {
    const sent = await insertTestGeneration(owner, { state: 'processing', queueRank: 500 });
    expect(await moveQueuedToFront({ id: sent.id, teamId: owner.teamId })).toBe('not-queued');
    expect(rankOf(sent.id)).toBe(500);
    const theirs = await insertTestGeneration(other, { queueRank: 700 });
    expect(await moveQueuedToFront({ id: theirs.id, teamId: owner.teamId })).toBe('not-queued');
    expect(rankOf(theirs.id)).toBe(700);
  });
});
