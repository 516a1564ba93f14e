import { can } from '@/lib/auth/authz';
import { authorize } from '@/lib/auth/session';
import { denied, problem } from '@/lib/http';
import { loadUsage } from '@/lib/usage/load-usage';
import { usageQuerySchema } from '@/lib/usage/period';

export const dynamic = 'force-dynamic';

/** Usage over a period (`?period=7|30|90&scope=me|team&tz=<IANA zone>`): a member's own, or the team's for owners. */
export async function GET(request: Request) {
  const auth = await authorize('team:read');
  if (!auth.ok) return denied(auth.status);
  const parsed = usageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return problem(400, parsed.error.issues[0]?.message ?? 'Check the usage query');
  const { team, member, user } = auth.context;
  if (parsed.data.scope === 'team' && !can(member, 'usage:team')) return problem(403, 'Only the team’s owners see the whole team’s usage');
  const report = await loadUsage({ teamId: team.teamId, userId: user.id, query: parsed.data, now: new Date() });
  return Response.json(report, { headers: { 'cache-control': 'no-store' } });
}
