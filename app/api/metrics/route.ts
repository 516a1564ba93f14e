import { getEnv } from '@/lib/env';
import { missing, problem } from '@/lib/http';
import { metrics } from '@/lib/ops/metrics';
import { hasOpsToken } from '@/lib/ops/ops-token';

export const dynamic = 'force-dynamic';

/** Prometheus metrics of this instance, for a scraper holding METRICS_TOKEN (Bearer); without the variable, none. */
export async function GET(request: Request) {
  if (!getEnv().metricsToken) return missing();
  if (!hasOpsToken(request)) return problem(401, 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".', undefined, { 'www-authenticate': 'Bearer' });
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
