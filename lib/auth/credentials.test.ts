import { describe, expect, it } from 'vitest';
import { busyError, OAUTH_FAILED, pageErrorMessage, rateLimitedError, SIGN_IN_BUSY, SIGN_IN_FAILED, signInErrorMessage } from './credentials';

describe('sign-in error messages', () => {
  it('shows one generic message for any failure', () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe(SIGN_IN_FAILED);
    expect(signInErrorMessage(undefined)).toBe(SIGN_IN_FAILED);
    expect(signInErrorMessage('Some internal error text')).toBe(SIGN_IN_FAILED);
  });

  it('says how many seconds to wait, rounded up', () => {
    expect(signInErrorMessage(rateLimitedError(14 * 60_000 + 1))).toBe('Too many attempts; try again in 841 s.');
    expect(signInErrorMessage(rateLimitedError(500))).toBe('Too many attempts; try again in 1 s.');
    expect(signInErrorMessage(busyError())).toBe(SIGN_IN_BUSY);
  });

  it('maps ?error= on the page: credentials failures generically, anything else as an OAuth refusal', () => {
    expect(pageErrorMessage(undefined)).toBeUndefined();
    expect(pageErrorMessage('CredentialsSignin')).toBe(SIGN_IN_FAILED);
    expect(pageErrorMessage(rateLimitedError(60_000))).toMatch(/^Too many attempts/);
    expect(pageErrorMessage(busyError())).toBe(SIGN_IN_BUSY);
    expect(pageErrorMessage(['AccessDenied'])).toBe(OAUTH_FAILED);
  });
});
