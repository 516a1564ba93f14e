import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { listTagsFor } from '@/db/queries/curation';
import { getGenerationById } from '@/db/queries/generations';
import { listAncestors, listChildren } from '@/db/queries/lineage';
import { listActiveShares } from '@/db/queries/shares';
import { limitsFor } from '@/lib/start/limits';
import { ClipCuration } from '@/components/clip-curation';
import { GenerationActions } from '@/components/generation-actions';
import { GenerationLive } from '@/components/generation-live';
import { LiveGenerationParams } from '@/components/generation-params-live';
import { LineageTree } from '@/components/lineage-tree';
import { RecipeTabs } from '@/components/recipe-tabs';
import { SharePanel } from '@/components/share-panel';
import { SweepDisclosure } from '@/components/sweep-disclosure';
import { can } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { requestOf, sameVideoRequest, withAvailableDelivery } from '@/lib/generation/recipe';
import { isTerminal } from '@/lib/generation/states';
import { recipeSnippets } from '@/lib/wan/recipe-snippets';
import { loadView } from '@/lib/gallery/load';
import { createSweep, reproduceGeneration } from '../../actions';
import { continueClip } from '../../chains/actions';
import { chainShots } from '@/lib/chains/chains';
import { favoriteClips, restoreClips, tagClips, trashClips, untagClips } from '../actions';
import { retryArchive } from '../archive-actions';
import { createShareAction, revokeShareAction } from '../../team/actions';
import { shownPrompt } from '@/components/format';
import { videoSha256 } from '@/lib/generation/view';

export const metadata: Metadata = { title: 'Clip' };

export default async function GenerationPage({ params }: { params: Promise<{ id: string }> }) {
  const { team, member } = await requireStudioContext();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const scope = { teamId: team.teamId };
  const row = await getGenerationById({ id: id.data, ...scope });
  if (!row) notFound();
  const [parent, view, ancestors, children, tags, limits, links] = await Promise.all([
    row.parentId ? getGenerationById({ id: row.parentId, ...scope }) : undefined,
    loadView(row),
    listAncestors({ ...scope, parentId: row.parentId }),
    listChildren({ ...scope, id: row.id }),
    listTagsFor({ ...scope, ids: [row.id] }),
    limitsFor(team.teamId),
    can(member, 'share:manage') ? listActiveShares({ ...scope, generationId: row.id, sweepId: row.sweepId }) : [],
  ]);
  const recipe = requestOf(row);
  const sameRequest = parent !== undefined && sameVideoRequest(requestOf(parent), recipe);
  const env = getEnv();
  const canCreate = can(member, 'generation:create');
  const chain = row.chainId ? await chainShots({ teamId: team.teamId, chainId: row.chainId }) : undefined;
  // Continue from a finished clip outside a chain, or from its chain's last shot (the chain's next place).
  const continuable = row.state === 'success' && row.archivePath !== null && row.deletedAt === null && (!chain || chain.shots.at(-1)?.current.id === row.id);

  return (
    // minmax(0, …) tracks and min-w-0: a long line (a hash, a curl call) wraps or scrolls in its box, never widens the page.
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(320px,400px)]">
      <section className="min-w-0 space-y-6">
        <GenerationLive
          key={view.id}
          initial={view}
          original={parent ? { id: parent.id, sha256: videoSha256(parent), sameRequest } : undefined}
          retryArchive={canCreate ? retryArchive : undefined}
        />
        <RecipeTabs snippets={recipeSnippets(recipe, env.wan.usingEmulator ? 'https://api.apixo.ai/api/v1' : env.wan.baseUrl)} />
      </section>
      <aside className="min-w-0 space-y-6">
        <div className="space-y-2">
          <h1 className="text-sm font-medium text-muted">Prompt</h1>
          <p className="text-base leading-relaxed [overflow-wrap:anywhere]" data-testid="prompt">
            {shownPrompt(view.prompt)}
          </p>
          {view.negativePrompt && (
            <p className="text-sm text-muted">
              <span className="font-medium">Negative:</span> {view.negativePrompt}
            </p>
          )}
        </div>
        <ClipCuration
          id={row.id}
          favorite={row.favorite}
          tags={tags.get(row.id) ?? []}
          deleted={row.deletedAt !== null}
          can={{ favorite: can(member, 'generation:favorite'), curate: can(member, 'generation:curate'), remove: can(member, 'generation:delete', row) }}
          actions={{ favoriteClips, tagClips, untagClips, trashClips, restoreClips }}
        />
        {row.deletedAt === null && <GenerationActions id={view.id} reproduce={reproduceGeneration} canCreate={canCreate} continueClip={continuable ? continueClip : undefined} />}
        {chain && (
          <p className="text-sm text-muted" data-testid="chain-link">
            Shot {row.chainPosition} of{' '}
            <Link href={`/chains/${chain.chain.id}`} className="text-accent underline-offset-2 hover:underline">
              a chain of {chain.shots.length} shots
            </Link>
          </p>
        )}
        <LiveGenerationParams key={view.id} initial={view} />
        {parent && (
          <p className="text-sm text-muted">
            {sameRequest ? 'Reproduction of ' : 'Made from '}
            <Link href={`/gallery/${parent.id}`} className="text-accent underline-offset-2 hover:underline">
              an earlier clip (seed {parent.seed})
            </Link>
          </p>
        )}
        <LineageTree ancestors={ancestors} current={row} children={children} />
        {can(member, 'share:manage') && row.deletedAt === null && (row.state === 'success' || !isTerminal(row.state)) && (
          <SharePanel
            generationId={row.id}
            inSweep={row.sweepId !== null}
            links={links.map((link) => ({ id: link.id, path: `/s/${link.token}`, scope: link.sweepId ? 'sweep' : 'clip', showRecipe: link.showRecipe }))}
            create={createShareAction}
            revoke={revokeShareAction}
          />
        )}
        {canCreate && row.deletedAt === null && (
          <SweepDisclosure
            summary="Sweep seeds of this clip…"
            base={withAvailableDelivery({ ...recipe, imageUrls: recipe.imageId ? undefined : recipe.imageUrls, audioUrls: recipe.audioId ? undefined : recipe.audioUrls }, Boolean(env.reachableUrl))}
            parentId={row.id}
            prices={env.prices}
            budgetCents={limits.sweepCapCents}
            createSweep={createSweep}
          />
        )}
      </aside>
    </div>
  );
}
