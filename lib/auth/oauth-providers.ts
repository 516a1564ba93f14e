import 'server-only';
import type { Provider } from 'next-auth/providers/index';
import GithubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { getEnv } from '@/lib/env';
import { fetchVerifiedGithubEmail } from './github-email';

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
