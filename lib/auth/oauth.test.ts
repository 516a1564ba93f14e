import type { Account } from 'next-auth';
import type { CredentialsConfig } from 'next-auth/providers/credentials';
import { afterEach, describe, expect, it } from 'vitest';
import { findOrCreateOAuthUser, getUserByEmail } from '@/db/queries/users';
import { resetEnvForTests } from '@/lib/env';
import { oauthProviderList, pickVerifiedGithubEmail, verifiedOAuthIdentity } from './oauth';
import { getAuthOptions } from './options';

const OAUTH_VARS = ['GITHUB_ID', 'GITHUB_SECRET', 'GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'] as const;

function setOAuthEnv(values: Partial<Record<(typeof OAUTH_VARS)[number], string>>) {
  for (const name of OAUTH_VARS) delete process.env[name];
  Object.assign(process.env, values);
  resetEnvForTests();
}

afterEach(() => setOAuthEnv({}));

const providerIds = () => getAuthOptions().providers.map((provider) => provider.id);
const githubAccount: Account = { type: 'oauth', provider: 'github', providerAccountId: '4242' };

describe('optional OAuth providers', () => {
  it('offers only credentials when no OAuth variables are set', () => {
    setOAuthEnv({});
    expect(providerIds()).toEqual(['credentials']);
    expect(oauthProviderList()).toEqual([]);
  });

  it('adds a provider only when both of its variables are set', () => {
    setOAuthEnv({ GITHUB_ID: 'gh-id', GITHUB_SECRET: 'gh-secret', GOOGLE_CLIENT_ID: 'only-the-id' });
    expect(providerIds()).toEqual(['credentials', 'github']);
    expect(oauthProviderList()).toEqual([{ id: 'github', name: 'GitHub' }]);
    setOAuthEnv({ GOOGLE_CLIENT_ID: 'g-id', GOOGLE_CLIENT_SECRET: 'g-secret' });
    expect(providerIds()).toEqual(['credentials', 'google']);
  });
});

describe('OAuth identities', () => {
  it('needs an email the provider has verified', () => {
    expect(verifiedOAuthIdentity('github', { login: 'octo', email: 'Octo@Example.test', email_verified: true })).toEqual({
      email: 'octo@example.test',
      name: 'octo',
    });
    expect(verifiedOAuthIdentity('google', { email: 'g@example.test', email_verified: true, name: ' Grace ' })).toEqual({
      email: 'g@example.test',
      name: 'Grace',
    });
    expect(verifiedOAuthIdentity('github', { login: 'octo', email: null, email_verified: false })).toBeUndefined();
    expect(verifiedOAuthIdentity('google', { email: 'g@example.test', email_verified: false })).toBeUndefined();
    expect(verifiedOAuthIdentity('google', { name: 'No Email' })).toBeUndefined();
    expect(verifiedOAuthIdentity('twitter', { email: 'x@example.test', email_verified: true })).toBeUndefined();
  });

  it('takes GitHub’s primary email only when it is verified', () => {
    const primaryUnverified = [
      { email: 'victim@example.test', primary: true, verified: false, visibility: null },
      { email: 'mine@example.test', primary: false, verified: true, visibility: null },
    ];
    expect(pickVerifiedGithubEmail(primaryUnverified)).toBeUndefined();
    expect(pickVerifiedGithubEmail([{ email: 'me@example.test', primary: true, verified: true }])).toBe('me@example.test');
    expect(pickVerifiedGithubEmail({ message: 'Bad credentials' })).toBeUndefined();
  });

  it('refuses sign-in without a verified email', async () => {
    const { signIn } = getAuthOptions().callbacks ?? {};
    const user = { id: '4242', email: null, name: 'octo' };
    expect(await signIn?.({ user, account: githubAccount, profile: { email: undefined } })).toBe(false);
    const verified = { email: 'octo@example.test', email_verified: true, login: 'octo' };
    expect(await signIn?.({ user, account: githubAccount, profile: verified })).toBe(true);
  });

  it('puts our user id (not the provider’s) in token.sub, creating the user with a personal team once', async () => {
    const { jwt } = getAuthOptions().callbacks ?? {};
    const profile = { email: 'Octo@Example.test', email_verified: true, login: 'octo', name: 'The Octocat' };
    const user = { id: '4242', email: 'octo@example.test', name: 'The Octocat' };
    const first = await jwt?.({ token: { sub: '4242' }, user, account: githubAccount, profile, trigger: 'signIn' });
    const ours = await getUserByEmail({ email: 'octo@example.test' });
    expect(ours?.passwordHash).toBe('');
    expect(first).toEqual({ sub: ours?.id, name: 'The Octocat', email: 'octo@example.test' });
    const again = await jwt?.({ token: { sub: '4242' }, user, account: githubAccount, profile, trigger: 'signIn' });
    expect(again?.sub).toBe(ours?.id);
    // Later requests carry no account: the token passes through untouched.
    expect(await jwt?.({ token: { sub: ours?.id }, user, account: null })).toEqual({ sub: ours?.id });
  });
});

describe('OAuth-only users', () => {
  it('can never sign in with a password, empty or otherwise', async () => {
    await findOrCreateOAuthUser({ email: 'oauth-only@example.test', name: 'O', policy: 'open' });
    const provider = getAuthOptions().providers.find((candidate) => candidate.id === 'credentials');
    const options: { authorize?: CredentialsConfig['authorize'] } | undefined = provider?.options;
    const req = { headers: { 'x-forwarded-for': '203.0.113.50' }, body: {}, query: {}, method: 'POST' };
    for (const password of ['', ' ', 'anything', 'undefined']) {
      expect(await options?.authorize?.({ email: 'oauth-only@example.test', password }, req)).toBeNull();
    }
  });
});

describe('an email that already has a password account', () => {
  it('is refused at the OAuth sign-in step, so a squatted address never opens the real owner’s sign-in', async () => {
    const { createUserWithPersonalTeam } = await import('@/db/queries/users');
    await createUserWithPersonalTeam({ email: 'squat@example.test', name: 'Squatter', passwordHash: 'x' });
    const { signIn } = getAuthOptions().callbacks ?? {};
    const profile = { email: 'squat@example.test', email_verified: true };
    const account = { provider: 'google', type: 'oauth' as const, providerAccountId: '1' };
    expect(await signIn?.({ user: { id: '1' }, account, profile: { ...profile, email: 'fresh@example.test' } })).toBe(true);
    expect(await signIn?.({ user: { id: '1' }, account, profile })).toBe(false);
  });
});
