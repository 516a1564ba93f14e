import { z } from 'zod';
import { authorize } from '@/lib/auth/session';
import { parseGallerySearch } from '@/lib/gallery/filters';
import { loadStack } from '@/lib/gallery/load';
import { denied, jsonError } from '@/lib/http';

export const dynamic = 'force-dynamic';

const keySchema = z.string().regex(/^(sweep|recipe):[\w-]{1,40}$/);

/** Every clip of one stack card, for "expand". */
export async function GET(request: Request) {
  const auth = await authorize('generation:read');
  if (!auth.ok) return denied(auth.status);
  const params = new URL(request.url).searchParams;
  const key = keySchema.safeParse(params.get('key'));
  if (!key.success) return jsonError(400, 'Expected key=<stack key>');
  const items = await loadStack({ teamId: auth.context.team.teamId, search: parseGallerySearch(params).search, stackKey: key.data });
  return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
}
