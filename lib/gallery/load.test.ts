import { beforeAll, describe, expect, it } from 'vitest';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { loadGalleryPage, loadStack } from './load';
import { parseGallerySearch } from './schemas';
import { groupStack } from './stack-groups';

let team: Owner;
const recipe = { prompt: 'a heron lifting off a misty lake', resolution: '720p' as const, duration: 5 as const };
const everything = parseGallerySearch({}).search;

beforeAll(async () => {
  team = await createOwner('stacker@example.test');
  // A clip, then a sweep of 4 seeds of the same recipe (stored newest first in the order asked, as a sweep is).
  await insertTestGeneration(team, { ...recipe, seed: 41, createdAt: new Date(Date.now() - 60_000) });
  const sweepId = crypto.randomUUID();
  const now = Date.now();
  for (const [index, seed] of [42, 43, 44, 45].entries()) await insertTestGeneration(team, { ...recipe, seed, sweepId, createdAt: new Date(now - index) });
  // Another recipe stays its own card.
  await insertTestGeneration(team, { ...recipe, duration: 10, seed: 7, createdAt: new Date(now - 120_000) });
});

describe('the gallery’s stacks', () => {
  it('shows a clip and a sweep of the same recipe as one stack of 5', async () => {
    const page = await loadGalleryPage({ teamId: team.teamId, search: everything });
    const heron = page.items.filter((item) => item.view.duration === 5);
    expect(heron).toHaveLength(5);
    expect(new Set(heron.map((item) => item.stack.key)).size).toBe(1);
    expect(heron.every((item) => item.stack.count === 5)).toBe(true);
    const other = page.items.find((item) => item.view.duration === 10);
    expect(other?.stack).toMatchObject({ count: 1, sweepId: null });
    expect(other?.stack.key).not.toBe(heron[0]?.stack.key);
  });

  it('opens the stack with the sweep grouped, its seeds in the order asked, then the clip made alone', async () => {
    const [head] = (await loadGalleryPage({ teamId: team.teamId, search: everything })).items;
    if (!head) throw new Error('empty gallery');
    const members = await loadStack({ teamId: team.teamId, search: everything, stackKey: head.stack.key });
    const groups = groupStack(members, (member) => member.stack.sweepId);
    expect(groups.map((group) => [group.sweepId === null ? 'alone' : 'sweep', group.members.map((member) => member.view.seed)])).toEqual([
      ['sweep', [42, 43, 44, 45]],
      ['alone', [41]],
    ]);
  });
});
