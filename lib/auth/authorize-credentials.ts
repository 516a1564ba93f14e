import 'server-only';
import bcrypt from 'bcryptjs';
import type { User } from 'next-auth';
import { getUserByEmail } from '@/db/queries/users';
import { getEnv } from '@/lib/env';
import { clientIp } from './client-ip';
import { signInSchema } from './credentials';
import { rateLimitedError } from './sign-in-errors';
import { signInLimiter, type SignInLimiter } from './sign-in-limiter';

// Compared against when the email is unknown or has no password, so every failure takes the same time.
const DUMMY_HASH = '$2b$10$zACq483O6KciKkBUrn6hnOWj51gh/.2x5Lhj6vwEsDhKu6eY4xvtq';

/** next-auth v4 credentials `authorize`: null for a wrong email or password; throws (message → `error`) when rate-limited. */
export async function authorizeCredentials(
  raw: unknown,
  req: { headers?: unknown } | undefined,
  limiter: SignInLimiter = signInLimiter,
): Promise<User | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const attempt = limiter.begin({ email: parsed.data.email, ip: clientIp(req?.headers, getEnv().trustProxy) });
  // Limited: no lookup and no bcrypt, and the same answer whether or not the email exists.
  if (attempt.limited) throw new Error(rateLimitedError(attempt.retryAfterMs));
  const user = await getUserByEmail({ email: parsed.data.email });
  const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash || DUMMY_HASH);
  // An OAuth-only account has no password ('') and never signs in here, whatever is typed.
  if (!user || user.passwordHash === '' || !ok) return null;
  attempt.succeeded();
  return { id: user.id, name: user.name, email: user.email };
}
