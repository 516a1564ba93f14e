import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { createTeam, updateTeam } from '@/db/queries/teams';
import { generations } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { hourlyLeft } from './hourly-left';

const NOW = new Date('2026-12-01T19:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
let owner: Owner;

beforeAll(async () => {
  process.env.HOURLY_QUOTA = '20';
  resetEnvForTests();
  owner = await createOwner('hourly-left@example.test');
});
beforeEach(async () => {
  await getDb().delete(generations);
});

describe('clips left this hour', () => {
  it('counts down with each clip started in the last hour, and says when the oldest frees up', async () => {
    expect(await hourlyLeft({ ...owner, now: NOW })).toEqual({ left: 20, limit: 20, scope: 'member', nextAt: null });
    await insertTestGeneration(owner, { createdAt: minutesAgo(70) });
    await insertTestGeneration(owner, { createdAt: minutesAgo(40) });
    await insertTestGeneration(owner, { createdAt: minutesAgo(5), state: 'cancelled' });
    expect(await hourlyLeft({ ...owner, now: NOW })).toEqual({ left: 18, limit: 20, scope: 'member', nextAt: minutesAgo(40).getTime() + 3_600_000 });
  });

  it('follows the team’s lower limit, and the person’s limit across teams when that is tighter', async () => {
    await updateTeam({ teamId: owner.teamId, values: { hourlyQuota: 5 } });
    await insertTestGeneration(owner, { createdAt: minutesAgo(1) });
    expect(await hourlyLeft({ ...owner, now: NOW })).toMatchObject({ left: 4, limit: 5, scope: 'member' });

    const other = await createTeam({ name: 'Second team', ownerId: owner.userId });
    for (let i = 0; i < 18; i++) await insertTestGeneration({ userId: owner.userId, teamId: other }, { createdAt: minutesAgo(2) });
    // 19 of the studio's 20 per person are used across both teams: 1 left, though this team would allow 4.
    expect(await hourlyLeft({ ...owner, now: NOW })).toMatchObject({ left: 1, limit: 20, scope: 'person' });
    await updateTeam({ teamId: owner.teamId, values: { hourlyQuota: null } });
  });
});
