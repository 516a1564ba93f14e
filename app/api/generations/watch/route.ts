import { z } from 'zod';
import { authorize } from '@/lib/auth/session';
import { denied, problem } from '@/lib/http';
import { trackerDeps } from '@/lib/tasks/deps';
import { MAX_WATCH_MS, MAX_WATCHED, watchGenerations } from '@/lib/tasks/watch';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  // "id~version,id~version": what the caller already shows.
  w: z
    .string()
    .max(MAX_WATCHED * 80)
    .transform((value) => value.split(',').filter(Boolean).map((pair) => pair.split('~')))
    .pipe(z.array(z.tuple([z.uuid(), z.string().max(40)])).min(1).max(MAX_WATCHED)),
  wait: z.coerce.number().int().min(0).max(MAX_WATCH_MS).default(MAX_WATCH_MS),
});

/** Long-polled by the browser: the generations of the caller's team that changed, as soon as they change. */
export async function GET(request: Request) {
  const auth = await authorize('generation:watch');
  if (!auth.ok) return denied(auth.status);
  const url = new URL(request.url);
  const parsed = querySchema.safeParse({ w: url.searchParams.get('w') ?? '', wait: url.searchParams.get('wait') ?? undefined });
  if (!parsed.success) return problem(400, 'Expected w=<id>~<version>,… (at most 50) and wait ≤ 20000');

  const views = await watchGenerations(
    { teamId: auth.context.team.teamId, known: new Map(parsed.data.w), maxWaitMs: parsed.data.wait },
    trackerDeps(),
    request.signal,
  );
  return Response.json({ views }, { headers: { 'cache-control': 'no-store' } });
}
