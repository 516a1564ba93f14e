import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { findOrCreateOAuthUser, oauthMayUseEmail } from '@/db/queries/users';
import { getEnv } from '@/lib/env';
import { authorizeCredentials } from './authorize-credentials';
import { oauthProviders, verifiedOAuthIdentity } from './oauth';
import { getAuthSecret } from './secret';

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    // Over https the session cookie is `__Secure-` and never sent in clear (proxy.ts knows both names).
    useSecureCookies: getEnv().https,
    // Failed OAuth sign-ins land back on our page with `?error=` instead of next-auth's own.
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        authorize: (credentials, req) => authorizeCredentials(credentials, req),
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.type !== 'oauth') return true;
        const identity = verifiedOAuthIdentity(account.provider, profile);
        // An email that already has a password account signs in with its password, never through a provider.
        return identity !== undefined && (await oauthMayUseEmail({ ...identity, policy: getEnv().signup }));
      },
      async jwt({ token, account, profile }) {
        if (account?.type !== 'oauth') return token;
        // No adapter: the token must carry OUR user id, not the provider's account id.
        const identity = verifiedOAuthIdentity(account.provider, profile);
        if (!identity) throw new Error('AccessDenied');
        const user = await findOrCreateOAuthUser({ ...identity, policy: getEnv().signup });
        if (!user) throw new Error('AccessDenied');
        return { sub: user.id, name: user.name, email: user.email };
      },
      session({ session, token }) {
        if (token.sub) session.user = { id: token.sub, name: token.name ?? '', email: token.email ?? '' };
        return session;
      },
    },
  };
}
