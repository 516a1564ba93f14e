import { authorize } from '@/lib/auth/session';
import { denied } from '@/lib/http';
import { hourlyLeft } from '@/lib/start/hourly-left';

export const dynamic = 'force-dynamic';

/** How many clips the caller may still start this hour in their team before the hourly limits refuse one. */
export async function GET() {
  const auth = await authorize('generation:create');
  if (!auth.ok) return denied(auth.status);
  const { team, user } = auth.context;
  const left = await hourlyLeft({ teamId: team.teamId, userId: user.id, now: new Date() });
  return Response.json({ teamId: team.teamId, ...left }, { headers: { 'cache-control': 'no-store' } });
}
