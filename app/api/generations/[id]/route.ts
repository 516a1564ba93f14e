import { z } from 'zod';
import { getGenerationById } from '@/db/queries/generations';
import { authorize } from '@/lib/auth/session';
import { denied, jsonError } from '@/lib/http';
import { trackerDeps } from '@/lib/tasks/deps';
import { refreshIfDue } from '@/lib/tasks/refresh';
import { viewOf } from '@/lib/tasks/view-of';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.uuid() });

/** Polled by the browser: one indexed read, plus an upstream refresh only when one is due. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize('generation:watch');
  if (!auth.ok) return denied(auth.status);
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return jsonError(404, 'Not found');

  const scope = { id: parsed.data.id, teamId: auth.context.team.teamId };
  let row = await getGenerationById(scope);
  if (!row) return jsonError(404, 'Not found');

  const deps = trackerDeps();
  if (row.nextPollAt && row.nextPollAt <= deps.now()) {
    await refreshIfDue(row.id, deps);
    row = (await getGenerationById(scope)) ?? row;
  }
  return Response.json(await viewOf(row), { headers: { 'cache-control': 'no-store' } });
}
