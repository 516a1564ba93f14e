import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// OWASP's "device cookie": a browser that once signed in to an account is recognised on its next attempts, so
// strangers failing against that account (or flooding the studio) cannot keep its owner out.

export const DEVICE_COOKIE = 'studio-device';
const MAX_AGE_S = 400 * 24 * 60 * 60; // the longest browsers keep a cookie
const ID = /^[A-Za-z0-9_-]{22}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;

/** The same form signInSchema gives the email, so the cookie binds to the account whatever the case typed. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const mac = (secret: string, email: string, id: string) =>
  createHmac('sha256', secret).update(`studio-device:v1\n${normaliseEmail(email)}\n${id}`).digest('base64url');

/** A new cookie value for `email`: a random id and an HMAC over (email, id). */
export function issueDeviceCookie({ email, secret, id = randomBytes(16).toString('base64url') }: { email: string; secret: string; id?: string }): string {
  return `${id}.${mac(secret, email, id)}`;
}

/** The device id when `value` was issued by us for this very email; undefined for a forged, damaged or other account's cookie. */
export function verifyDeviceCookie({ value, email, secret }: { value: string | undefined; email: string; secret: string }): string | undefined {
  const [id, given, ...rest] = (value ?? '').split('.');
  if (rest.length > 0 || !id || !given || !ID.test(id) || !MAC.test(given)) return undefined;
  const expected = Buffer.from(mac(secret, email, id));
  return timingSafeEqual(Buffer.from(given), expected) ? id : undefined;
}

/** The cookie's value in a Cookie request header (a string, or next-auth's header object's entry). */
export function deviceCookieFrom(cookieHeader: unknown): string | undefined {
  if (typeof cookieHeader !== 'string') return undefined;
  for (const part of cookieHeader.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === DEVICE_COOKIE) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The Set-Cookie header: only sent with sign-in requests, never readable by scripts. */
export function deviceCookieHeader(value: string, { secure }: { secure: boolean }): string {
  return `${DEVICE_COOKIE}=${value}; Path=/api/auth; Max-Age=${MAX_AGE_S}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
