import { describe, expect, it } from 'vitest';
import { listMembershipsForUser } from './teams';
import { createUserWithPersonalTeam, findOrCreateOAuthUser } from './users';

describe('findOrCreateOAuthUser', () => {
  it('creates a password-less user with a personal team once, then finds it by email', async () => {
    const a = await findOrCreateOAuthUser({ email: 'lin@example.test', name: 'Lin' });
    const b = await findOrCreateOAuthUser({ email: 'LIN@example.test', name: 'Someone else' });
    expect(b.id).toBe(a.id);
    expect(b).toMatchObject({ email: 'lin@example.test', name: 'Lin', passwordHash: '' });
    const teams = await listMembershipsForUser({ userId: a.id });
    expect(teams.map((team) => team.role)).toEqual(['owner']);
  });

  it('maps to an existing password account with the same email rather than making a second one', async () => {
    const created = await createUserWithPersonalTeam({ email: 'pat@example.test', name: 'Pat', passwordHash: 'hash' });
    if ('conflict' in created) throw new Error('unexpected conflict');
    const found = await findOrCreateOAuthUser({ email: 'pat@example.test', name: 'Pat (GitHub)' });
    expect(found.id).toBe(created.user.id);
    expect(found.passwordHash).toBe('hash');
  });

  it('two simultaneous first sign-ins end with one user', async () => {
    const [c, d] = await Promise.all([
      findOrCreateOAuthUser({ email: 'race@example.test', name: 'R' }),
      findOrCreateOAuthUser({ email: 'race@example.test', name: 'R' }),
    ]);
    expect(c.id).toBe(d.id);
  });
});
