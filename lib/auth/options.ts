import 'server-only';
import bcrypt from 'bcryptjs';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getUserByEmail } from '@/db/queries/users';
import { signInSchema } from './credentials';
import { getAuthSecret } from './secret';

// Compared against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = '$2b$10$zACq483O6KciKkBUrn6hnOWj51gh/.2x5Lhj6vwEsDhKu6eY4xvtq';

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(raw) {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await getUserByEmail({ email: parsed.data.email });
          const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
          return user && ok ? { id: user.id, name: user.name, email: user.email } : null;
        },
      }),
    ],
    callbacks: {
      session({ session, token }) {
        if (token.sub) session.user = { id: token.sub, name: token.name ?? '', email: token.email ?? '' };
        return session;
      },
    },
  };
}
