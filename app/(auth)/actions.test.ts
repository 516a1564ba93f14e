import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/index';
import { createInstanceInvite } from '@/db/queries/instance-invites';
import { createInvite } from '@/db/queries/invites';
import { createTeam } from '@/db/queries/teams';
import { instanceInvites, invites, memberships, users } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { hashBudget } from '@/lib/auth/hash-budget';

// The request as the action sees it: the client's address (behind a trusted proxy) and the cookies it sets.
const request = vi.hoisted(() => ({ ip: '198.51.100.1', cookies: new Map<string, string>() }));
vi.mock('next/headers', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  headers: async () => new Headers({ 'x-forwarded-for': request.ip }),
  cookies: async () => ({ set: (name: string, value: string) => request.cookies.set(name, value), get: () => undefined, delete: () => undefined }),
}));

vi.mock('next-auth', async (original) => ({ ...(await original<Record<string, unknown>>()), getServerSession: async () => null }));

const { signUp } = await import('./actions');

/** The sign-up page as rendered for a signed-out visitor: its text, and whether it offers the form. */
async function signUpPage(params: Record<string, string> = {}) {
  const { default: SignUpPage } = await import('./sign-up/page');
  const seen = new WeakSet<object>();
  const tree = JSON.stringify(await SignUpPage({ searchParams: Promise.resolve(params) }), (_key, value: unknown) => {
    if (typeof value === 'function') return `<${(value as { name: string }).name}>`;
    if (value && typeof value === 'object') {
      if (seen.has(value)) return undefined;
      seen.add(value);
    }
    return value;
  });
  return { tree, form: tree.includes('<AuthForm>') };
}

const dirs: string[] = [];
/** A brand-new studio (empty database) under `policy`, as after a fresh install. */
function freshStudio(policy: 'open' | 'invite' | 'closed') {
  (globalThis as { __wanStudioDb?: { $client: { close: () => void } } }).__wanStudioDb?.$client.close();
  delete (globalThis as { __wanStudioDb?: unknown }).__wanStudioDb;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-studio-signup-'));
  dirs.push(dir);
  process.env.DATA_DIR = dir;
  process.env.SIGNUP = policy;
  process.env.TRUST_PROXY = '1';
  resetEnvForTests();
  // The process-wide hash budget is not what these cases are about: each starts with a full one.
  hashBudget.refillForTests();
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function person(invite?: string) {
  n += 1;
  request.ip = `198.51.100.${n % 250}`;
  return { name: `P${n}`, email: `p${n}@example.test`, password: 'correct horse battery', invite };
}
const userRow = (email: string) => getDb().select().from(users).where(eq(users.email, email)).get();

beforeEach(() => request.cookies.clear());

describe('sign-up under SIGNUP=invite', () => {
  it('lets the first account of a fresh studio in without an invite, as its administrator; the next one without an invite is refused', async () => {
    freshStudio('invite');
    const first = person();
    expect(await signUp(first)).toEqual({ ok: true, data: { email: first.email } });
    expect(userRow(first.email)?.isAdmin).toBe(true);
    const stranger = person();
    const refused = await signUp(stranger);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^Sign-up is by invitation on this studio/) });
    expect(userRow(stranger.email)).toBeUndefined();
    // A made-up token is no better than none.
    expect(await signUp(person('x'.repeat(43)))).toMatchObject({ ok: false });
  });

  it('accepts a sign-up with an instance invite and counts its uses; a used-up or revoked one is refused', async () => {
    freshStudio('invite');
    const admin = await signUp(person());
    const adminId = userRow(admin.ok ? admin.data.email : '')?.id ?? '';
    const { invite, token } = await createInstanceInvite({ expiresAt: new Date(Date.now() + 86_400_000), maxUses: 2, createdBy: adminId });
    const a = person(token);
    expect(await signUp(a)).toMatchObject({ ok: true });
    expect(userRow(a.email)?.isAdmin).toBe(false);
    expect(await signUp(person(token))).toMatchObject({ ok: true });
    expect(getDb().select().from(instanceInvites).where(eq(instanceInvites.id, invite.id)).get()?.uses).toBe(2);
    const third = person(token);
    expect(await signUp(third)).toMatchObject({ ok: false, message: expect.stringMatching(/by invitation/) });
    expect(userRow(third.email)).toBeUndefined();

    const revoked = await createInstanceInvite({ expiresAt: new Date(Date.now() + 86_400_000), maxUses: 5, createdBy: adminId });
    getDb().update(instanceInvites).set({ revokedAt: new Date() }).where(eq(instanceInvites.id, revoked.invite.id)).run();
    expect(await signUp(person(revoked.token))).toMatchObject({ ok: false });
  });

  it('accepts a sign-up with a team invite: the new account joins that team at once and the invite’s use is counted', async () => {
    freshStudio('invite');
    const owner = await signUp(person());
    const ownerId = userRow(owner.ok ? owner.data.email : '')?.id ?? '';
    const teamId = await createTeam({ name: 'Harbour Films', ownerId });
    const { invite, token } = await createInvite({ teamId, role: 'editor', expiresAt: new Date(Date.now() + 86_400_000), maxUses: 1, createdBy: ownerId });
    const editor = person(token);
    expect(await signUp(editor)).toEqual({ ok: true, data: { email: editor.email, redirectTo: '/' } });
    const editorId = userRow(editor.email)?.id ?? '';
    expect(getDb().select().from(memberships).where(eq(memberships.userId, editorId)).all().map((row) => [row.teamId === teamId, row.role])).toContainEqual([true, 'editor']);
    expect(request.cookies.get('studio-team')).toBe(teamId);
    expect(getDb().select().from(invites).where(eq(invites.id, invite.id)).get()?.uses).toBe(1);
    // Its one use is gone: the same link creates no second account.
    expect(await signUp(person(token))).toMatchObject({ ok: false });
  });

  it('two racing first sign-ups: exactly one gets in and becomes the administrator', async () => {
    freshStudio('invite');
    const results = await Promise.all([signUp(person()), signUp(person()), signUp(person())]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(getDb().select().from(users).all().map((user) => user.isAdmin)).toEqual([true]);
  });
});

describe('sign-up under SIGNUP=closed and SIGNUP=open', () => {
  it('closed: only the very first account, not even with an instance invite', async () => {
    freshStudio('closed');
    const admin = await signUp(person());
    expect(admin).toMatchObject({ ok: true });
    const { token } = await createInstanceInvite({ expiresAt: new Date(Date.now() + 86_400_000), maxUses: 5, createdBy: userRow(admin.ok ? admin.data.email : '')?.id ?? '' });
    expect(await signUp(person(token))).toMatchObject({ ok: false, message: expect.stringMatching(/^Sign-up is closed/) });
  });

  it('open: anyone gets in; racing first sign-ups still end with one administrator', async () => {
    freshStudio('open');
    const results = await Promise.all([signUp(person()), signUp(person()), signUp(person())]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(getDb().select().from(users).all().filter((user) => user.isAdmin)).toHaveLength(1);
  });
});

describe('the sign-up page says which policy is in force', () => {
  it('invite: the first visitor gets the form as future administrator; later ones without an invite get an explanation, not a form', async () => {
    freshStudio('invite');
    expect(await signUpPage()).toMatchObject({ form: true, tree: expect.stringContaining('this account will administer the studio') });
    await signUp(person());
    const stranger = await signUpPage();
    expect(stranger.form).toBe(false);
    expect(stranger.tree).toContain('Sign-up is by invitation on this studio');
    const badLink = await signUpPage({ invite: 'y'.repeat(43) });
    expect(badLink).toMatchObject({ form: false, tree: expect.stringContaining('has expired, has been used up or was revoked') });
  });

  it('invite: a working team invite link (kept in callbackUrl) shows the form and names the team', async () => {
    freshStudio('invite');
    const owner = await signUp(person());
    const ownerId = userRow(owner.ok ? owner.data.email : '')?.id ?? '';
    const teamId = await createTeam({ name: 'Harbour Films', ownerId });
    const { token } = await createInvite({ teamId, role: 'viewer', expiresAt: new Date(Date.now() + 86_400_000), maxUses: 1, createdBy: ownerId });
    expect(await signUpPage({ callbackUrl: `/invite/${token}` })).toMatchObject({ form: true, tree: expect.stringContaining('adds you to Harbour Films as a viewer') });
  });

  it('open and closed say so', async () => {
    freshStudio('open');
    await signUp(person());
    expect(await signUpPage()).toMatchObject({ form: true, tree: expect.stringContaining('Anyone can create an account') });
    freshStudio('closed');
    await signUp(person());
    expect(await signUpPage()).toMatchObject({ form: false, tree: expect.stringContaining('Sign-up is closed on this studio') });
  });
});

describe('sign-up throttling', () => {
  it('refuses an eleventh sign-up within the hour from one address, while another address still gets in', async () => {
    freshStudio('open');
    const results = [];
    for (let i = 0; i < 11; i += 1) {
      const input = person();
      request.ip = '203.0.113.50';
      results.push(await signUp(input));
    }
    expect(results.slice(0, 10).every((result) => result.ok)).toBe(true);
    expect(results[10]).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many sign-ups; try again in \d+ min\.$/) });
    expect(await signUp(person())).toMatchObject({ ok: true });
  });

  it('caps sign-ups for the whole studio, whatever the addresses', async () => {
    const { reserveSignUp } = await import('@/lib/auth/sign-up');
    freshStudio('open');
    const limits = { perAddress: 10, perAddressWindowMs: 3_600_000, studio: 30, studioWindowMs: 600_000 };
    const now = Date.now();
    const answers = Array.from({ length: 35 }, (_, i) => reserveSignUp({ ip: `192.0.2.${i}`, limits, now }));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(30);
    expect(answers[30]).toEqual({ ok: false, waitMs: 600_000 });
    expect(reserveSignUp({ ip: '192.0.2.200', limits, now: now + 600_000 })).toEqual({ ok: true });
  });
});
