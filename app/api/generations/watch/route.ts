import { z } from 'zod';
import { authorize } from '@/lib/auth/session';
import { denied, problem } from '@/lib/http';
import { holdingLongPoll } from '@/lib/ops/metrics';
import { trackerDeps } from '@/lib/tasks/deps';
import { teamActivityVersion } from '@/lib/tasks/notify';
import { MAX_WATCH_MS, MAX_WATCHED, watchGenerations } from '@/lib/tasks/watch';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  // "id~version,id~version": what the caller already shows.
  w: z
    .string()
    .max(MAX_WATCHED * 80)
    .transform((value) => value.split(',').filter(Boolean).map((pair) => pair.split('~')))
    .pipe(z.array(z.tuple([z.uuid(), z.string().max(40)])).max(MAX_WATCHED)),
  wait: z.coerce.number().int().min(0).max(MAX_WATCH_MS).default(MAX_WATCH_MS),
  // The team's activity version the caller's Team list was read at: answer early when the team stores new clips.
  a: z.coerce.number().int().min(0).optional(),
}).refine((query) => query.w.length > 0 || query.a !== undefined, { path: ['w'] });

/** Long-polled by the browser: the generations of the caller's team that changed, as soon as they change. */
export async function GET(request: Request) {
  const auth = await authorize('generation:watch');
  if (!auth.ok) return denied(auth.status);
  const url = new URL(request.url);
  const parsed = querySchema.safeParse({ w: url.searchParams.get('w') ?? '', wait: url.searchParams.get('wait') ?? undefined, a: url.searchParams.get('a') ?? undefined });
  if (!parsed.success) return problem(400, 'Expected w=<id>~<version>,… (at most 50) and/or a=<activity version>, and wait ≤ 20000');

  const { teamId } = auth.context.team;
  const { w, wait, a } = parsed.data;
  const views = await holdingLongPoll(() => watchGenerations({ teamId, known: new Map(w), maxWaitMs: wait, activitySeen: a }, trackerDeps(), request.signal));
  // Only the caller's own team's version, and only to a caller that asked for it.
  const activity = a === undefined ? undefined : teamActivityVersion(teamId);
  return Response.json({ views, activity }, { headers: { 'cache-control': 'no-store' } });
}
