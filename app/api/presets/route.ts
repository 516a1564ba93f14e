import { listPresets } from '@/db/queries/presets';
import { authorize } from '@/lib/auth/session';
import { presetStartFrames } from '@/lib/presets/start-frames';
import { toPresetView } from '@/lib/presets/views';
import { denied } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The presets the member can apply: their own and the team's shared ones, each setup's start frame read for this team. */
export async function GET() {
  const auth = await authorize('generation:read');
  if (!auth.ok) return denied(auth.status);
  const { team, member } = auth.context;
  const rows = await listPresets({ teamId: team.teamId, userId: member.userId });
  const frames = await presetStartFrames(
    rows.map((row) => row.settings),
    team.teamId,
  );
  return Response.json({ presets: rows.map((row) => toPresetView(row, member, frames)) }, { headers: { 'cache-control': 'no-store' } });
}
