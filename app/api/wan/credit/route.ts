import { authorize } from '@/lib/auth/session';
import { denied } from '@/lib/http';
import { creditPauseStatus } from '@/lib/tasks/credit-pause';
import { currentBalanceUsd } from '@/lib/wan/current-balance';
import type { CreditStatus } from '@/lib/credit-status';

export const dynamic = 'force-dynamic';

/**
 * The key's balance (USD, null when the service says nothing usable) and whether sending is paused for lack of
 * credit, for members who may generate. The balance is read at most once per 15 s for the whole process.
 */
export async function GET() {
  const auth = await authorize('generation:create');
  if (!auth.ok) return denied(auth.status);
  const [usd, pause] = await Promise.all([currentBalanceUsd(), creditPauseStatus()]);
  const body: CreditStatus = { balanceUsd: usd ?? null, sendingPaused: pause.paused, pausedSince: pause.since?.getTime() ?? null };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
}
