import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { updateTeam } from '@/db/queries/teams';
import { memberships, users } from '@/db/schema';
import { createOwner, type Owner } from '@/test/fixtures';

// The real session module, with next-auth's answer (who is signed in) and the team cookie under the test's control.
const session = vi.hoisted(() => ({ userId: null as string | null, teamCookie: undefined as string | undefined }));
vi.mock('next-auth', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: '2999-01-01' } : null),
}));
vi.mock('next/headers', async (original) => ({ ...(await original<Record<string, unknown>>()), cookies: async () => ({ get: (name: string) => (name === 'studio-team' && session.teamCookie ? { name, value: session.teamCookie } : undefined) }) }));

const { adminAction, fail, ok, publicAction, teamAction, userAction } = await import('./actions');

let owner: Owner;
let admin: Owner;
let viewer: Owner;

beforeAll(async () => {
  owner = await createOwner(`actions-owner-${crypto.randomUUID()}@example.test`);
  admin = await createOwner(`actions-admin-${crypto.randomUUID()}@example.test`);
  viewer = await createOwner(`actions-viewer-${crypto.randomUUID()}@example.test`);
  getDb().insert(memberships).values({ teamId: owner.teamId, userId: viewer.userId, role: 'viewer' }).run();
  getDb().update(users).set({ isAdmin: true }).where(eq(users.id, admin.userId)).run();
  getDb().update(users).set({ isAdmin: false }).where(eq(users.id, owner.userId)).run();
  await updateTeam({ teamId: owner.teamId, values: { name: 'Actions test team' } });
});

const echoTeam = teamAction('team:manage', z.string().min(2, 'Two letters at least'), async (word, { team, member }) => ok({ word, teamId: team.teamId, role: member.role }));

describe('teamAction', () => {
  it('refuses a signed-out caller and a role without the permission, before looking at the input', async () => {
    session.userId = null;
    expect(await echoTeam('x')).toEqual({ ok: false, message: 'Your session has ended. Sign in again to continue.' });
    session.userId = viewer.userId;
    session.teamCookie = owner.teamId;
    expect(await echoTeam('x')).toEqual({ ok: false, message: 'Your role in this team cannot do that.' });
    session.teamCookie = undefined;
  });

  it('answers an invalid input with its first message by default, and hands the body the parsed input and the team', async () => {
    session.userId = owner.userId;
    expect(await echoTeam('x')).toEqual({ ok: false, message: 'Two letters at least' });
    expect(await echoTeam('hello')).toEqual({ ok: true, data: { word: 'hello', teamId: owner.teamId, role: 'owner' } });
  });

  it('parses positional arguments in order: the first that fails answers, in the words given', async () => {
    session.userId = owner.userId;
    const pair = teamAction('team:read', [z.uuid(), z.number()], async ([id, count]) => ok({ id, count }), 'That request is not valid.');
    expect(await pair('not-an-id', 3)).toEqual({ ok: false, message: 'That request is not valid.' });
    expect(await pair(owner.teamId, 'three' as unknown as number)).toEqual({ ok: false, message: 'That request is not valid.' });
    expect(await pair(owner.teamId, 3)).toEqual({ ok: true, data: { id: owner.teamId, count: 3 } });
  });

  it('lets an action turn the error into field errors', async () => {
    session.userId = owner.userId;
    const form = teamAction('team:read', z.object({ name: z.string().min(1, 'Name it') }), async ({ name }) => ok(name), (error) =>
      fail('Check the highlighted fields.', z.flattenError(error).fieldErrors),
    );
    expect(await form({ name: '' })).toEqual({ ok: false, message: 'Check the highlighted fields.', fieldErrors: { name: ['Name it'] } });
  });
});

describe('userAction, adminAction and publicAction', () => {
  const whoAmI = userAction([], async (_, { user }) => ok(user.id));
  const adminOnly = adminAction([], async (_, { admin: who }) => ok(who.id));
  const anyone = publicAction(z.email('An email address'), async (email) => ok(email));

  it('userAction needs only a session', async () => {
    session.userId = null;
    expect(await whoAmI()).toEqual({ ok: false, message: 'Your session has ended. Sign in again to continue.' });
    session.userId = owner.userId;
    expect(await whoAmI()).toEqual({ ok: true, data: owner.userId });
  });

  it('adminAction tells a signed-in non-administrator apart from a signed-out caller', async () => {
    session.userId = null;
    expect(await adminOnly()).toEqual({ ok: false, message: 'Your session has ended. Sign in again to continue.' });
    session.userId = owner.userId;
    expect(await adminOnly()).toEqual({ ok: false, message: 'Only the studio’s administrator can do that.' });
    session.userId = admin.userId;
    expect(await adminOnly()).toEqual({ ok: true, data: admin.userId });
  });

  it('publicAction checks only the input', async () => {
    session.userId = null;
    expect(await anyone('nope')).toEqual({ ok: false, message: 'An email address' });
    expect(await anyone('a@example.test')).toEqual({ ok: true, data: 'a@example.test' });
  });
});
