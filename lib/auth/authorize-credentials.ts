import 'server-only';
import type { User } from 'next-auth';
import { getUserByEmail, updatePasswordHash } from '@/db/queries/users';
import { getEnv } from '@/lib/env';
import { clientIp } from './client-ip';
import { busyError, rateLimitedError, signInSchema } from './credentials';
import { deviceCookieFrom, verifyDeviceCookie } from './device-cookie';
import { hashPassword, verifyPassword } from './password';
import { getAuthSecret } from './secret';
import { signInLimiter, type SignInLimiter } from './sign-in-limiter';

const cookieHeader = (headers: unknown) => (typeof headers === 'object' && headers !== null && 'cookie' in headers ? headers.cookie : undefined);

/** next-auth v4 credentials `authorize`: null for a wrong email or password; throws (message → `error`) when throttled or busy. */
export async function authorizeCredentials(
  raw: unknown,
  req: { headers?: unknown } | undefined,
  limiter: SignInLimiter = signInLimiter,
): Promise<User | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const device = verifyDeviceCookie({ value: deviceCookieFrom(cookieHeader(req?.headers)), email: parsed.data.email, secret: getAuthSecret() });
  const attempt = limiter.begin({ email: parsed.data.email, ip: clientIp(req?.headers, getEnv().trustProxy), device });
  // Too early or busy: no lookup and no hash work, and the same answer whether or not the email exists.
  if (attempt.limited === 'busy') throw new Error(busyError());
  if (attempt.limited) throw new Error(rateLimitedError(attempt.retryAfterMs));
  const user = await getUserByEmail({ email: parsed.data.email });
  // An OAuth-only account has no password ('') and never signs in here, whatever is typed.
  const check = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!user || !check.ok) return null;
  attempt.succeeded();
  // A bcrypt hash from before: replaced by argon2id now that we hold the password (and its full length counts from now on).
  if (check.needsRehash) await updatePasswordHash({ id: user.id, from: user.passwordHash, to: await hashPassword(parsed.data.password) });
  return { id: user.id, name: user.name, email: user.email };
}
