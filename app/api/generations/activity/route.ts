import { listActivity } from '@/db/queries/activity';
import { authorize } from '@/lib/auth/session';
import { loadViews } from '@/lib/gallery/load';
import { denied, problem } from '@/lib/http';
import { z } from 'zod';
import { ACTIVITY_LIMIT, activityScopes, DONE_KEEP_MS } from '@/lib/generation/activity';
import { teamActivityVersion } from '@/lib/tasks/notify';
import { MAX_WATCHED } from '@/lib/tasks/watch';

export const dynamic = 'force-dynamic';

const activityQuerySchema = z.object({ scope: z.enum(activityScopes).default('mine') });
const LOOK_BACK_MS = 24 * 60 * 60_000;
// The panel keeps every clip it lists in the tab's one long poll, which watches at most MAX_WATCHED.
const limit = Math.min(ACTIVITY_LIMIT, MAX_WATCHED);

/** The activity panel's list: the caller's clips (or the team's) still on their way, and those just finished. */
export async function GET(request: Request) {
  const auth = await authorize('generation:watch');
  if (!auth.ok) return denied(auth.status);
  const parsed = activityQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return problem(400, 'Expected scope=mine or scope=team');
  const { team, user } = auth.context;
  // Read before the list: a clip stored in between is in the list and also makes the tab's long poll answer once.
  const activityVersion = teamActivityVersion(team.teamId);
  const rows = await listActivity({
    teamId: team.teamId,
    userId: parsed.data.scope === 'mine' ? user.id : undefined,
    doneSince: new Date(Date.now() - DONE_KEEP_MS),
    lookBackMs: LOOK_BACK_MS,
    limit,
  });
  return Response.json({ views: await loadViews(rows), activityVersion }, { headers: { 'cache-control': 'no-store' } });
}
