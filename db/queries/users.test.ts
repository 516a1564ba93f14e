import { describe, expect, it } from 'vitest';
import { listMembershipsForUser } from './teams';
import { createUserWithPersonalTeam, findOrCreateOAuthUser, oauthMayUseEmail } from './users';

describe('findOrCreateOAuthUser', () => {
  it('creates a password-less user with a personal team once, then finds it by email', async () => {
    const a = await findOrCreateOAuthUser({ email: 'lin@example.test', name: 'Lin' , policy: 'open' });
    const b = await findOrCreateOAuthUser({ email: 'LIN@example.test', name: 'Someone else' , policy: 'open' });
    expect(b?.id).toBe(a?.id);
    expect(b).toMatchObject({ email: 'lin@example.test', name: 'Lin', passwordHash: '' });
    const teams = await listMembershipsForUser({ userId: a?.id ?? '' });
    expect(teams.map((team) => team.role)).toEqual(['owner']);
  });

  it('never signs into a password account with the same email (whoever registered it first keeps no back door)', async () => {
    const created = await createUserWithPersonalTeam({ email: 'pat@example.test', name: 'Pat', passwordHash: 'hash' });
    if ('conflict' in created) throw new Error('unexpected conflict');
    expect(await findOrCreateOAuthUser({ email: 'pat@example.test', name: 'Pat (GitHub)' , policy: 'open' })).toBeUndefined();
  });

  it('two simultaneous first sign-ins end with one user', async () => {
    const [c, d] = await Promise.all([
      findOrCreateOAuthUser({ email: 'race@example.test', name: 'R' , policy: 'open' }),
      findOrCreateOAuthUser({ email: 'race@example.test', name: 'R' , policy: 'open' }),
    ]);
    expect(c?.id).toBeDefined();
    expect(c?.id).toBe(d?.id);
  });
});

describe('the sign-up policy, decided where the user row is inserted', () => {
  it('makes the first account of the instance its administrator, and nobody after it', async () => {
    // This file's database already has users from the tests above: check the very first one.
    const { getDb } = await import('../index');
    const { users } = await import('../schema');
    const all = getDb().select().from(users).orderBy(users.createdAt).all();
    expect(all.filter((user) => user.isAdmin).map((user) => user.email)).toEqual([all[0]?.email]);
  });

  it('refuses a new OAuth user under invite and closed (OAuth carries no invite), and lets one in under open', async () => {
    expect(await findOrCreateOAuthUser({ email: 'inv@example.test', name: 'I', policy: 'invite' })).toBeUndefined();
    expect(await findOrCreateOAuthUser({ email: 'clo@example.test', name: 'C', policy: 'closed' })).toBeUndefined();
    expect(await oauthMayUseEmail({ email: 'inv@example.test', policy: 'invite' })).toBe(false);
    expect(await findOrCreateOAuthUser({ email: 'ope@example.test', name: 'O', policy: 'open' })).toMatchObject({ email: 'ope@example.test', isAdmin: false });
    // An existing OAuth-only account keeps signing in whatever the policy.
    expect(await findOrCreateOAuthUser({ email: 'ope@example.test', name: 'O', policy: 'closed' })).toMatchObject({ email: 'ope@example.test' });
  });

  it('refuses a password sign-up without a working invite under invite, and any under closed', async () => {
    expect(await createUserWithPersonalTeam({ email: 'no-invite@example.test', name: 'N', passwordHash: 'x', admission: { policy: 'invite' } })).toEqual({ refused: 'invite-required' });
    expect(await createUserWithPersonalTeam({ email: 'made-up@example.test', name: 'M', passwordHash: 'x', admission: { policy: 'invite', inviteToken: 'a'.repeat(43) } })).toEqual({ refused: 'invite-required' });
    expect(await createUserWithPersonalTeam({ email: 'closed@example.test', name: 'C', passwordHash: 'x', admission: { policy: 'closed' } })).toEqual({ refused: 'closed' });
  });
});

describe('an upgraded studio', () => {
  it('makes its oldest account the administrator when the hardening migration runs', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const os = await import('node:os');
    const Database = (await import('better-sqlite3')).default;
    const { migrateDatabase } = await import('../index');
    const { migrateBefore } = await import('@/test/migrations');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-upgrade-'));
    const sqlite = new Database(path.join(dir, 'studio.db'));
    try {
      // The migrations before this one, as on a studio running the previous release, with two accounts.
      migrateBefore(sqlite, '0005_hardening');
      sqlite.prepare("insert into users (id, email, name, password_hash, created_at) values ('u-old', 'old@example.test', 'Old', 'x', 1000), ('u-new', 'new@example.test', 'New', 'x', 2000)").run();
      migrateDatabase(sqlite);
      expect(sqlite.prepare('select id, is_admin as admin from users order by created_at').all()).toEqual([
        { id: 'u-old', admin: 1 },
        { id: 'u-new', admin: 0 },
      ]);
    } finally {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
