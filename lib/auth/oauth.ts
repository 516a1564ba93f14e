// Sign-in through GitHub and Google: the providers, GitHub's verified email, and the identity a profile vouches for.
import 'server-only';
import type { Provider } from 'next-auth/providers/index';
import GithubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { z } from 'zod';
import { getEnv } from '@/lib/env';

const githubEmails = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

/** The primary address, only when GitHub has verified it; a primary or listed address may be unverified. */
export function pickVerifiedGithubEmail(body: unknown): string | undefined {
  const parsed = githubEmails.safeParse(body);
  return parsed.success ? parsed.data.find((entry) => entry.primary && entry.verified)?.email : undefined;
}

/** Asks GitHub (scope user:email) for the account's verified primary email; undefined when it has none or the call fails. */
export async function fetchVerifiedGithubEmail(accessToken: string, fetchImpl: typeof fetch = fetch): Promise<string | undefined> {
  const response = await fetchImpl('https://api.github.com/user/emails', {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/vnd.github+json', 'User-Agent': 'wan-studio' },
    signal: AbortSignal.timeout(10_000),
  });
  return response.ok ? pickVerifiedGithubEmail(await response.json()) : undefined;
}

export type OAuthProviderInfo = { id: 'github' | 'google'; name: string };

function github(client: { clientId: string; clientSecret: string }): Provider {
  return GithubProvider({
    ...client,
    userinfo: {
      // Replaces next-auth's fallback, which takes the primary (or first) email even when GitHub has not verified it.
      async request({ client: oidc, tokens }) {
        const accessToken = tokens.access_token ?? '';
        const profile = await oidc.userinfo(accessToken);
        const email = await fetchVerifiedGithubEmail(accessToken);
        const withEmail = { ...profile, email, email_verified: email !== undefined };
        return withEmail;
      },
    },
  });
}

/** GitHub and Google, each only when both of its env variables are set. */
export function oauthProviders(): Provider[] {
  const { oauth } = getEnv();
  return [...(oauth.github ? [github(oauth.github)] : []), ...(oauth.google ? [GoogleProvider(oauth.google)] : [])];
}

/** What the sign-in page needs for its buttons; safe to pass to a client component. */
export function oauthProviderList(): OAuthProviderInfo[] {
  const { oauth } = getEnv();
  return [
    ...(oauth.github ? [{ id: 'github' as const, name: 'GitHub' }] : []),
    ...(oauth.google ? [{ id: 'google' as const, name: 'Google' }] : []),
  ];
}

export type OAuthIdentity = { email: string; name: string };

const verifiedEmail = z.email().trim().toLowerCase().max(254);
// Google's ID token carries a boolean; older tokens sent the string.
const verified = z.union([z.literal(true), z.literal('true')]);

// For GitHub, email / email_verified come from our userinfo request (fetchVerifiedGithubEmail), not the public profile.
const profiles = {
  github: z
    .object({
      email: verifiedEmail,
      email_verified: verified,
      name: z.string().nullish().catch(undefined),
      login: z.string().optional().catch(undefined),
    })
    .transform(({ email, name, login }) => ({ email, name: name ?? login })),
  google: z
    .object({ email: verifiedEmail, email_verified: verified, name: z.string().nullish().catch(undefined) })
    .transform(({ email, name }) => ({ email, name })),
};

function displayName(name: string | null | undefined, email: string): string {
  const trimmed = name?.trim().slice(0, 80);
  return trimmed || email.split('@')[0] || 'New user';
}

/** The email and name an OAuth profile vouches for; undefined (refuse sign-in) without a verified email. */
export function verifiedOAuthIdentity(provider: string, profile: unknown): OAuthIdentity | undefined {
  if (provider !== 'github' && provider !== 'google') return undefined;
  const parsed = profiles[provider].safeParse(profile);
  if (!parsed.success) return undefined;
  return { email: parsed.data.email, name: displayName(parsed.data.name, parsed.data.email) };
}
