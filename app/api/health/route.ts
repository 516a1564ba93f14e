export const dynamic = 'force-dynamic';

/** Liveness for a load balancer: the process answers. It reads nothing, so a slow database never fails it. */
export async function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
