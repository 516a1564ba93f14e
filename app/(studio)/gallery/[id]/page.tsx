import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getGenerationById } from '@/db/queries/generations';
import { GenerationActions } from '@/components/generation-actions';
import { GenerationLive } from '@/components/generation-live';
import { GenerationParams } from '@/components/generation-params';
import { can } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';
import { requestOf } from '@/lib/generation/recipe';
import { viewOf } from '@/lib/tasks/view-of';
import { reproduceGeneration } from '../../actions';

export const metadata: Metadata = { title: 'Clip' };

export default async function GenerationPage({ params }: { params: Promise<{ id: string }> }) {
  const { team, member } = await requireStudioContext();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const row = await getGenerationById({ id: id.data, teamId: team.teamId });
  if (!row) notFound();
  const parent = row.parentId ? await getGenerationById({ id: row.parentId, teamId: team.teamId }) : undefined;
  const view = await viewOf(row);
  const sameRequest = parent !== undefined && JSON.stringify(requestOf(parent)) === JSON.stringify(requestOf(row));

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_minmax(320px,380px)]">
      <section className="space-y-4">
        <GenerationLive
          key={view.id}
          initial={view}
          original={parent ? { id: parent.id, sha256: parent.archiveSha256, sameRequest } : undefined}
        />
      </section>
      <aside className="space-y-6">
        <div className="space-y-2">
          <h1 className="text-sm font-medium text-muted">Prompt</h1>
          <p className="text-base leading-relaxed" data-testid="prompt">
            {view.prompt}
          </p>
          {view.negativePrompt && (
            <p className="text-sm text-muted">
              <span className="font-medium">Negative:</span> {view.negativePrompt}
            </p>
          )}
        </div>
        <GenerationActions id={view.id} reproduce={reproduceGeneration} canCreate={can(member, 'generation:create')} />
        <GenerationParams view={view} />
        {parent && (
          <p className="text-sm text-muted">
            {sameRequest ? 'Reproduction of ' : 'Made from '}
            <Link href={`/gallery/${parent.id}`} className="text-accent underline-offset-2 hover:underline">
              an earlier clip (seed {parent.seed})
            </Link>
          </p>
        )}
      </aside>
    </div>
  );
}
