import 'server-only';
import crypto from 'node:crypto';
import { getEnv } from '@/lib/env';

const digest = (text: string) => crypto.createHash('sha256').update(text).digest();

/** Whether the request carries METRICS_TOKEN as its Bearer token (compared in constant time); false when none is set. */
export function hasOpsToken(request: Request): boolean {
  const token = getEnv().metricsToken;
  if (!token) return false;
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  return crypto.timingSafeEqual(digest(given), digest(token));
}
