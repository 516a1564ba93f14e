import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { createChain, saveChainRender } from '@/db/queries/chains';
import { getTeamStorageUsage } from '@/db/queries/storage';
import { generations } from '@/db/schema';
import { generationRequestSchema } from '@/lib/generation/schema';
import { startClip } from '@/lib/start/start-clips';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { storeOnlyDeps } from '@/test/store-only-deps';
import { nextPlace } from './chains';

let owner: Owner;
beforeAll(async () => {
  owner = await createOwner('chains@example.test');
});

/** A chain whose shot 1 is a finished clip. */
async function chainOfOne() {
  const chain = await createChain({ id: crypto.randomUUID(), ...owner });
  const first = await insertTestGeneration(owner, { state: 'success', chainId: chain.id, chainPosition: 1, archivePath: 'x.mp4' });
  return { chainId: chain.id, first };
}

const shotsAt = (chainId: string, position: number) =>
  getDb().select({ id: generations.id }).from(generations).where(and(eq(generations.chainId, chainId), eq(generations.chainPosition, position))).all();
const request = generationRequestSchema.parse({ prompt: 'the next shot', seed: 5 });

describe('a chain’s next shot', () => {
  it('is stored once when two Starts of one Continue race: the second is refused, nothing is paid twice', async () => {
    const { chainId, first } = await chainOfOne();
    // Both read the place before either stores: the form's two submits, or two tabs.
    const places = await Promise.all([1, 2].map(() => nextPlace({ teamId: owner.teamId, chainId, after: first.id })));
    const deps = storeOnlyDeps(new Date());
    const started = await Promise.all(places.map((place) => startClip({ ...owner, request, parentId: first.id, chain: place.ok ? place.place : undefined }, deps)));
    expect(started.filter((result) => result.ok)).toHaveLength(1);
    expect(started.find((result) => !result.ok)).toMatchObject({ ok: false, kind: 'conflict', message: expect.stringContaining('Shot 2 of this chain was started a moment ago') });
    expect(shotsAt(chainId, 2)).toHaveLength(1);
  });

  it('still takes a new take of a place that has one (a regenerated shot)', async () => {
    const { chainId, first } = await chainOfOne();
    const deps = storeOnlyDeps(new Date());
    const takes = await Promise.all([1, 2].map(() => startClip({ ...owner, request, parentId: first.id, chain: { id: chainId, position: 1 } }, deps)));
    expect(takes.every((result) => result.ok)).toBe(true);
    expect(shotsAt(chainId, 1)).toHaveLength(3);
  });
});

describe('a chain’s render', () => {
  it('counts against the team’s storage, as a video of the team', async () => {
    const { chainId, first } = await chainOfOne();
    const before = await getTeamStorageUsage({ teamId: owner.teamId });
    await saveChainRender({ teamId: owner.teamId, chainId, renderKey: `chain-${chainId}.mp4`, renderSha256: 'a'.repeat(64), renderBytes: 123_456, renderOf: [first.id], renderedAt: new Date() });
    const after = await getTeamStorageUsage({ teamId: owner.teamId });
    expect(after.videoBytes - before.videoBytes).toBe(123_456);
    expect(after.totalBytes - before.totalBytes).toBe(123_456);
  });
});
