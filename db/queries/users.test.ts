import { describe, expect, it } from 'vitest';
import { listMembershipsForUser } from './teams';
import { createUserWithPersonalTeam, findOrCreateOAuthUser } from './users';

describe('findOrCreateOAuthUser', () => {
  it('creates a password-less user with a personal team once, then finds it by email', async () => {
    const a = await findOrCreateOAuthUser({ email: 'lin@example.test', name: 'Lin' });
    const b = await findOrCreateOAuthUser({ email: 'LIN@example.test', name: 'Someone else' });
    expect(b?.id).toBe(a?.id);
    expect(b).toMatchObject({ email: 'lin@example.test', name: 'Lin', passwordHash: '' });
    const teams = await listMembershipsForUser({ userId: a?.id ?? '' });
    expect(teams.map((team) => team.role)).toEqual(['owner']);
  });

  it('never signs into a password account with the same email (whoever registered it first keeps no back door)', async () => {
    const created = await createUserWithPersonalTeam({ email: 'pat@example.test', name: 'Pat', passwordHash: 'hash' });
    if ('conflict' in created) throw new Error('unexpected conflict');
    expect(await findOrCreateOAuthUser({ email: 'pat@example.test', name: 'Pat (GitHub)' })).toBeUndefined();
  });

  it('two simultaneous first sign-ins end with one user', async () => {
    const [c, d] = await Promise.all([
      findOrCreateOAuthUser({ email: 'race@example.test', name: 'R' }),
      findOrCreateOAuthUser({ email: 'race@example.test', name: 'R' }),
    ]);
    expect(c?.id).toBeDefined();
    expect(c?.id).toBe(d?.id);
  });
});
