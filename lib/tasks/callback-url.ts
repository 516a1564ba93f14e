import crypto from 'node:crypto';

/** A fresh unguessable per-task secret (256 bits). */
export function newCallbackSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** The webhook address of one generation: its id (to find the row) and its secret (to prove the sender). */
export function callbackUrl(publicUrl: string, generationId: string, secret: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/wan/callback/${generationId}.${secret}`;
}

/** Splits the token of a callback URL; undefined when it is not of our shape. */
export function parseCallbackToken(token: string): { generationId: string; secret: string } | undefined {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match?.[1] && match[2] ? { generationId: match[1], secret: match[2] } : undefined;
}

export function secretsMatch(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
