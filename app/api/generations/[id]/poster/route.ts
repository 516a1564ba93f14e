import { z } from 'zod';
import { getGenerationById } from '@/db/queries/generations';
import { authorize } from '@/lib/auth/session';
import { denied, jsonError } from '@/lib/http';
import { cacheFor, servePoster } from '@/lib/storage/serve-archive';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.uuid() });

/** A still of our archived copy for gallery cards. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize('video:play');
  if (!auth.ok) return denied(auth.status);
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return jsonError(404, 'Not found');
  const row = await getGenerationById({ id: parsed.data.id, teamId: auth.context.team.teamId });
  if (!row) return jsonError(404, 'Not found');
  return servePoster(request, row, cacheFor.members);
}
