import { authorize } from '@/lib/auth/session';
import { parseGallerySearch, stackKeySchema } from '@/lib/gallery/schemas';
import { loadStack } from '@/lib/gallery/load';
import { denied, problem } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Every clip of one stack card, for "expand". */
export async function GET(request: Request) {
  const auth = await authorize('generation:read');
  if (!auth.ok) return denied(auth.status);
  const params = new URL(request.url).searchParams;
  const key = stackKeySchema.safeParse(params.get('key'));
  if (!key.success) return problem(400, 'Expected key=<stack key>');
  const items = await loadStack({ teamId: auth.context.team.teamId, search: parseGallerySearch(params).search, stackKey: key.data });
  return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
}
