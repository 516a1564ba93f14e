import { z } from 'zod';

// Shared by authorize() (server) and the sign-in form (browser): no server-only imports here.

export const SIGN_IN_FAILED = 'Email or password is incorrect.';
export const OAUTH_FAILED = 'We could not sign you in with that account. Use one with a verified email address, or your password.';

const RATE_LIMITED_PREFIX = 'TooManyAttempts:';
const rateLimitedCode = z.string().regex(/^TooManyAttempts:\d{1,4}$/).transform((code) => Number(code.slice(RATE_LIMITED_PREFIX.length)));

/** The `error` next-auth passes back when authorize() throws for a limited attempt. */
export function rateLimitedError(retryAfterMs: number): string {
  return `${RATE_LIMITED_PREFIX}${Math.max(1, Math.ceil(retryAfterMs / 60_000))}`;
}

/** One message for every credentials failure, unknown email included; a limited attempt also says when to retry. */
export function signInErrorMessage(error: string | null | undefined): string {
  const minutes = rateLimitedCode.safeParse(error);
  if (!minutes.success) return SIGN_IN_FAILED;
  return `Too many attempts. Try again in about ${minutes.data} ${minutes.data === 1 ? 'minute' : 'minutes'}.`;
}

/** For `?error=` on the sign-in page: next-auth sends both credentials and OAuth failures there. */
export function pageErrorMessage(error: string | string[] | undefined): string | undefined {
  const code = Array.isArray(error) ? error[0] : error;
  if (!code) return undefined;
  return code === 'CredentialsSignin' || rateLimitedCode.safeParse(code).success ? signInErrorMessage(code) : OAUTH_FAILED;
}
