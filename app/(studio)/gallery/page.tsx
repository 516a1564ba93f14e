import type { Metadata } from 'next';
import Link from 'next/link';
import { listGenerations } from '@/db/queries/generations';
import { GalleryCard } from '@/components/gallery-card';
import { buttonClass } from '@/components/ui/button';
import { requireStudioContext } from '@/lib/auth/session';
import { viewOf } from '@/lib/tasks/view-of';

export const metadata: Metadata = { title: 'Gallery' };

const PAGE = 60;

export default async function GalleryPage() {
  const { team } = await requireStudioContext();
  const rows = await listGenerations({ teamId: team.teamId, limit: PAGE });
  const views = await Promise.all(rows.map(viewOf));

  return (
    <div className="space-y-6">
      <header className="flex items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold tracking-tight">Gallery</h1>
          <p className="text-sm text-muted">
            Every clip of {team.teamName}, newest first, with the prompt, seed and settings to make it again.
          </p>
        </div>
      </header>
      {rows.length === 0 ? (
        <div className="grid min-h-80 place-items-center rounded-card border border-dashed border-line p-10 text-center">
          <div className="max-w-sm space-y-3">
            <p className="text-base font-medium">No clips yet</p>
            <p className="text-sm text-muted">Clips you and your team generate land here, kept with everything needed to reproduce them.</p>
            <Link href="/" className={buttonClass('primary')}>
              Open the studio
            </Link>
          </div>
        </div>
      ) : (
        <div className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
          {views.map((view) => (
            <GalleryCard key={view.id} view={view} />
          ))}
        </div>
      )}
    </div>
  );
}
