import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
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
      <PageHeader back={{ href: '/gallery', label: 'Gallery' }} title="Trash" actions={can(member, 'trash:empty') && initial.items.length > 0 && <EmptyTrashButton emptyTrash={emptyTrash} />}>
        Deleted clips stay here for {TRASH_DAYS} days, then they and their videos are gone for good. Select clips to restore them.
      </PageHeader>
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
