import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ChainView } from '@/components/chains/chain-view';
import { can } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';
import { renderIsCurrent } from '@/lib/chains/chain-shots';
import { chainShots } from '@/lib/chains/chains';
import { loadView } from '@/lib/gallery/load';
import { regenerateChainShot, renderChainAction, shareChainAction } from '../actions';
import { revokeShareAction } from '../../team/actions';
import { ChainShare } from '@/components/chains/chain-share';
import { listChainShares } from '@/db/queries/shares';

export const metadata: Metadata = { title: 'Chain' };

/** A chain of shots, each continued from the last frame of the one before. */
export default async function ChainPage({ params }: { params: Promise<{ id: string }> }) {
  const { team, member } = await requireStudioContext();
  const id = z.uuid().safeParse((await params).id);
  const found = id.success ? await chainShots({ teamId: team.teamId, chainId: id.data }) : undefined;
  if (!found) notFound();
  const { chain, shots } = found;
  const views = await Promise.all(shots.map(async (shot) => ({ position: shot.position, view: await loadView(shot.current), takes: shot.takes.length })));
  const current = shots.map((shot) => shot.current.id);
  const seconds = shots.reduce((sum, shot) => sum + shot.current.duration, 0);
  const rendered = renderIsCurrent(chain, shots);
  const links = can(member, 'share:manage') ? await listChainShares({ teamId: team.teamId, chainId: chain.id }) : [];
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: '/gallery', label: 'Gallery' }} title={`Chain of ${shots.length} ${shots.length === 1 ? 'shot' : 'shots'}`}>
        {seconds} s in all. Each shot starts from the last frame of the one before; continue from the last shot’s page to add one.
      </PageHeader>
      <ChainView
        key={current.join(',')}
        chainId={chain.id}
        shots={views}
        render={
          chain.renderKey && chain.renderSha256
            ? { url: `/api/chains/${chain.id}/video`, sha256: chain.renderSha256, bytes: chain.renderBytes ?? 0, current: rendered }
            : null
        }
        actions={can(member, 'generation:create') ? { regenerate: regenerateChainShot, render: renderChainAction } : undefined}
      />
      {can(member, 'share:manage') && rendered && (
        <ChainShare chainId={chain.id} links={links.map((link) => ({ id: link.id, path: `/s/${link.token}`, showRecipe: link.showRecipe }))} create={shareChainAction} revoke={revokeShareAction} />
      )}
    </div>
  );
}
