import { getGenerationById } from '@/db/queries/generations';
import { teamClip } from '@/lib/auth/team-clip';
import { trackerDeps } from '@/lib/tasks/deps';
import { refreshIfDue } from '@/lib/tasks/refresh';
import { loadView } from '@/lib/gallery/load';

export const dynamic = 'force-dynamic';

/** Polled by the browser: one indexed read, plus an upstream refresh only when one is due. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const clip = await teamClip('generation:watch', await params);
  if (!clip.ok) return clip.response;
  const scope = { id: clip.row.id, teamId: clip.row.teamId };
  let row = clip.row;

  const deps = trackerDeps();
  if (row.nextPollAt && row.nextPollAt <= deps.now()) {
    await refreshIfDue(row.id, deps);
    row = (await getGenerationById(scope)) ?? row;
  }
  return Response.json(await loadView(row), { headers: { 'cache-control': 'no-store' } });
}
