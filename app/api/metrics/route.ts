import crypto from 'node:crypto';
import { getEnv } from '@/lib/env';
import { missing, problem } from '@/lib/http';
import { metrics } from '@/lib/ops/metrics';

export const dynamic = 'force-dynamic';

const digest = (text: string) => crypto.createHash('sha256').update(text).digest();

/** Prometheus metrics of this instance, for a scraper holding METRICS_TOKEN (Bearer); without the variable, none. */
export async function GET(request: Request) {
  const token = getEnv().metricsToken;
  if (!token) return missing();
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  // Compared as digests: constant time, whatever the lengths.
  if (!crypto.timingSafeEqual(digest(given), digest(token))) return problem(401, 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".', undefined, { 'www-authenticate': 'Bearer' });
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
