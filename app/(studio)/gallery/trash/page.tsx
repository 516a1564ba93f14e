import type { Metadata } from 'next';
import Link from 'next/link';
import { GalleryBrowser } from '@/components/gallery/gallery-browser';
import { GalleryEmpty } from '@/components/gallery/gallery-empty';
import { EmptyTrashButton } from '@/components/gallery/empty-trash-button';
import { can, reachOf } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';
import { loadGalleryPage } from '@/lib/gallery/load';
import { TRASH_DAYS } from '@/lib/gallery/trash';
import { emptyTrash, favoriteClips, restoreClips, tagClips, trashClips } from '../actions';

export const metadata: Metadata = { title: 'Trash' };

export default async function TrashPage() {
  const { team, user, member } = await requireStudioContext();
  const initial = await loadGalleryPage({ teamId: team.teamId, search: {}, deleted: true });
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <p className="text-sm">
            <Link href="/gallery" className="text-muted hover:text-ink">
              ← Gallery
            </Link>
          </p>
          <h1 className="text-xl font-semibold tracking-tight">Trash</h1>
          <p className="text-sm text-muted">Deleted clips stay here for {TRASH_DAYS} days, then they and their videos are gone for good. Select clips to restore them.</p>
        </div>
        {can(member, 'trash:empty') && initial.items.length > 0 && <EmptyTrashButton emptyTrash={emptyTrash} />}
      </header>
      <GalleryBrowser
        teamId={team.teamId}
        initial={initial}
        query=""
        trash
        userId={user.id}
        abilities={{
          favorite: false,
          curate: false,
          deleteReach: reachOf(member, 'generation:delete'),
        }}
        actions={{ favoriteClips, tagClips, trashClips, restoreClips }}
        empty={<GalleryEmpty kind="trash" />}
      />
    </div>
  );
}
