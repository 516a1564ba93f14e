import type { Metadata } from 'next';
import Link from 'next/link';
import { countTrash, listTeamTags } from '@/db/queries/curation';
import { countBatch } from '@/db/queries/gallery';
import { BatchBar } from '@/components/gallery/batch-bar';
import { listSavedViews } from '@/db/queries/saved-views';
import { listTeamMembers } from '@/db/queries/teams';
import { GalleryBrowser } from '@/components/gallery/gallery-browser';
import { GalleryEmpty } from '@/components/gallery/gallery-empty';
import { GalleryFilters } from '@/components/gallery/gallery-filters';
import { SavedViews } from '@/components/gallery/saved-views';
import { can, reachOf } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';
import { isFiltered, parseGallerySearch, toQueryString } from '@/lib/gallery/schemas';
import { loadGalleryPage } from '@/lib/gallery/load';
import { reproduceGeneration } from '../actions';
import { deleteGalleryView, favoriteClips, restoreClips, saveGalleryView, tagClips, trashClips } from './actions';

export const metadata: Metadata = { title: 'Gallery' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function GalleryPage({ searchParams }: { searchParams: SearchParams }) {
  const { team, user, member } = await requireStudioContext();
  const { search, ignored } = parseGallerySearch(await searchParams);
  const query = toQueryString(search);
  const [initial, members, tags, views, trashed, batch] = await Promise.all([
    loadGalleryPage({ teamId: team.teamId, search }),
    listTeamMembers({ teamId: team.teamId }),
    listTeamTags({ teamId: team.teamId }),
    listSavedViews({ teamId: team.teamId, userId: user.id }),
    countTrash({ teamId: team.teamId }),
    search.batch ? countBatch({ teamId: team.teamId, batchId: search.batch }) : undefined,
  ]);
  const withoutBatch = toQueryString({ ...search, batch: undefined });

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold tracking-tight">Gallery</h1>
          <p className="text-sm text-muted">Every clip of {team.teamName}, newest first, with the prompt, seed and settings to make it again.</p>
        </div>
        <nav className="flex items-center gap-4 text-sm text-muted">
          {can(member, 'generation:create') && (
            <>
              <Link href="/batch" className="hover:text-ink">
                Batch
              </Link>
              <Link href="/gallery/import" className="hover:text-ink" data-testid="import-link">
                Import
              </Link>
            </>
          )}
          <Link href="/gallery/trash" className="hover:text-ink" data-testid="trash-link">
            Trash{trashed > 0 ? ` (${trashed})` : ''}
          </Link>
        </nav>
      </header>
      <GalleryFilters basePath="/gallery" search={search} authors={members.map((m) => ({ id: m.userId, name: m.name }))} tags={tags} />
      {search.batch && batch && <BatchBar batchId={search.batch} clips={batch.clips} done={batch.done} galleryHref={withoutBatch ? `/gallery?${withoutBatch}` : '/gallery'} />}
      <SavedViews views={views.map(({ id, name, query: q }) => ({ id, name, query: toQueryString(parseGallerySearch(new URLSearchParams(q)).search) }))} query={query} save={saveGalleryView} remove={deleteGalleryView} />
      {ignored.length > 0 && (
        <p role="status" className="rounded-lg border border-warning/30 bg-warning/5 px-3 py-2 text-sm text-warning">
          Ignored {ignored.join(', ')}: {ignored.length === 1 ? 'its value is' : 'their values are'} not one the gallery knows.
        </p>
      )}
      <GalleryBrowser
        teamId={team.teamId}
        key={`${team.teamId}?${query}`}
        initial={initial}
        query={query}
        trash={false}
        userId={user.id}
        abilities={{
          favorite: can(member, 'generation:favorite'),
          curate: can(member, 'generation:curate'),
          deleteReach: reachOf(member, 'generation:delete'),
        }}
        actions={{ favoriteClips, tagClips, trashClips, restoreClips, reproduce: can(member, 'generation:create') ? reproduceGeneration : undefined }}
        empty={<GalleryEmpty kind={isFiltered(search) ? 'no-match' : 'none'} />}
      />
    </div>
  );
}
