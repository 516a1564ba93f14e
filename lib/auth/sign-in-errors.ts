import { z } from 'zod';

// Shared by authorize() (server) and the sign-in form (browser): no server-only imports here.

export const SIGN_IN_FAILED = 'Email or password is incorrect.';
export const OAUTH_FAILED = 'We could not sign you in with that account. Use one with a verified email address, or your password. Where sign-up is by invitation, a new account needs an invite link.';
export const SIGN_IN_BUSY = 'The studio is busy; try again in a moment.';

const RATE_LIMITED_PREFIX = 'TooManyAttempts:';
const BUSY_CODE = 'Busy';
const rateLimitedCode = z.string().regex(/^TooManyAttempts:\d{1,5}$/).transform((code) => Number(code.slice(RATE_LIMITED_PREFIX.length)));

/** The `error` next-auth passes back when authorize() throws for an attempt that came too early. */
export function rateLimitedError(retryAfterMs: number): string {
  return `${RATE_LIMITED_PREFIX}${Math.max(1, Math.ceil(retryAfterMs / 1000))}`;
}

/** The `error` for an attempt refused because the process is at its password-hashing budget. */
export function busyError(): string {
  return BUSY_CODE;
}

export function tooManyAttempts(seconds: number): string {
  return `Too many attempts; try again in ${seconds} s.`;
}

/** One message for every credentials failure, unknown email included; a throttled attempt also says when to retry. */
export function signInErrorMessage(error: string | null | undefined): string {
  if (error === BUSY_CODE) return SIGN_IN_BUSY;
  const seconds = rateLimitedCode.safeParse(error);
  return seconds.success ? tooManyAttempts(seconds.data) : SIGN_IN_FAILED;
}

/** For `?error=` on the sign-in page: next-auth sends both credentials and OAuth failures there. */
export function pageErrorMessage(error: string | string[] | undefined): string | undefined {
  const code = Array.isArray(error) ? error[0] : error;
  if (!code) return undefined;
  return code === 'CredentialsSignin' || code === BUSY_CODE || rateLimitedCode.safeParse(code).success ? signInErrorMessage(code) : OAUTH_FAILED;
}
