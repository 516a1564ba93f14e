import { readiness } from '@/lib/ops/readiness';
import { creditPauseStatus } from '@/lib/tasks/credit-pause';

export const dynamic = 'force-dynamic';

/** Readiness for a load balancer: 200 ready or degraded (upstream trouble), 503 when this instance cannot serve. */
export async function GET() {
  const ready = await readiness({ creditPaused: async () => (await creditPauseStatus()).paused });
  return Response.json(ready, { status: ready.status === 'down' ? 503 : 200, headers: { 'cache-control': 'no-store' } });
}
