import { hasOpsToken } from '@/lib/ops/ops-token';
import { type Readiness, readiness } from '@/lib/ops/readiness';
import { bucketProbe } from '@/lib/storage/bucket-probe';
import { creditPauseStatus } from '@/lib/tasks/credit-pause';

export const dynamic = 'force-dynamic';

/** Each check's ok alone: what anyone may know (a stranger learns nothing of the key's credit or the service). */
function plain({ status, checks }: Readiness): Readiness {
  return { status, checks: { database: { ok: checks.database.ok }, storage: { ok: checks.storage.ok }, upstream: { ok: checks.upstream.ok } } };
}

/**
 * Readiness for a load balancer: 200 ready or degraded (upstream trouble), 503 when this instance cannot serve.
 * Why a check failed is told only to a caller holding METRICS_TOKEN.
 */
export async function GET(request: Request) {
  const ready = await readiness({ creditPaused: async () => (await creditPauseStatus()).paused, checkStorage: bucketProbe() });
  return Response.json(hasOpsToken(request) ? ready : plain(ready), { status: ready.status === 'down' ? 503 : 200, headers: { 'cache-control': 'no-store' } });
}
