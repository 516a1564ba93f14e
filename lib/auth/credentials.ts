import { z } from 'zod';
import '@/lib/zod-jitless';

// The email-and-password forms' contract, shared by the server (authorize, the sign-up action) and the browser
// (the forms): what they send, and the messages a refusal shows. No server-only imports here.

export const PASSWORD_MIN = 8;

export const signInSchema = z.object({
  email: z.email('Enter a valid email address').trim().toLowerCase().max(254),
  password: z.string().min(1, 'Enter your password').max(200),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'Tell us what to call you').max(80, 'Name must be at most 80 characters'),
  email: z.email('Enter a valid email address').trim().toLowerCase().max(254),
  password: z
    .string()
    .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
    .max(200, 'Password must be at most 200 characters'),
  // An invite token (instance or team invite) the sign-up came with; checked by the server, never trusted.
  invite: z.string().max(100).optional(),
});

export type SignUpInput = z.input<typeof signUpSchema>;

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
