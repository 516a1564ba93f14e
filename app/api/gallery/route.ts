import { authorize } from '@/lib/auth/session';
import { parseGallerySearch } from '@/lib/gallery/schemas';
import { loadGalleryPage } from '@/lib/gallery/load';
import { denied } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The next page of the gallery (or trash) for the same filters as the page's URL. */
export async function GET(request: Request) {
  const auth = await authorize('generation:read');
  if (!auth.ok) return denied(auth.status);
  const params = new URL(request.url).searchParams;
  const { search } = parseGallerySearch(params);
  const page = await loadGalleryPage({
    teamId: auth.context.team.teamId,
    search,
    cursor: params.get('cursor'),
    deleted: params.get('trash') === '1',
  });
  return Response.json(page, { headers: { 'cache-control': 'no-store' } });
}
