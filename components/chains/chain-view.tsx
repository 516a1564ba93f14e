'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import type { GenerationView } from '@/lib/generation/view';
import { announceClipsStarted } from '../activity-events';
import { ClipStage, StateBadge } from '../clip-stage';
import { formatBytes, shownPrompt } from '../format';
import { useGeneration } from '../hooks/generation-watch';
import { Button, buttonClass } from '../ui/button';
import { ChainPlayer } from './chain-player';

export type ChainShotView = { position: number; view: GenerationView; takes: number };
export type ChainRender = { url: string; sha256: string; bytes: number; current: boolean };
export type ChainActions = {
  regenerate: (chainId: string, position: number) => Promise<ActionResult<{ id: string }>>;
  render: (chainId: string) => Promise<ActionResult<{ sha256: string; bytes: number }>>;
};

/** A chain's page: its shots back to back, each shot live with a new take at hand, and the render to one file. */
export function ChainView({ chainId, shots, render, actions }: { chainId: string; shots: ChainShotView[]; render: ChainRender | null; actions?: ChainActions }) {
  const router = useRouter();
  const [live, setLive] = useState<Record<number, GenerationView>>({});
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const views = shots.map((shot) => live[shot.position] ?? shot.view);
  const playable = views.every((view) => view.state === 'success' && view.videoUrl);
  const first = views[0];

  const run = (work: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    startTransition(async () => {
      setError(undefined);
      const result = await work();
      if (!result.ok) return setError(result.message);
      after?.();
      router.refresh();
    });

  return (
    <div className="space-y-8">
      {playable && first ? (
        <ChainPlayer clips={views.map((view, i) => ({ id: view.id, src: view.videoUrl ?? '', label: `Shot ${shots[i]?.position ?? i + 1}` }))} aspectRatio={first.aspectRatio} />
      ) : (
        <p className="rounded-card border border-dashed border-line p-6 text-sm text-muted" data-testid="chain-waiting">
          The shots play back to back once every one is finished.
        </p>
      )}

      <section aria-label="Render" className="flex flex-wrap items-center gap-3 rounded-card border border-line bg-surface p-4 text-sm">
        {render ? (
          <>
            <span className="font-medium">{render.current ? 'Rendered as one MP4' : 'Rendered before a shot changed'}</span>
            <span className="font-mono text-xs text-muted">
              {formatBytes(render.bytes)} · sha256 <span data-testid="chain-render-sha256">{render.sha256}</span>
            </span>
            <a href={`${render.url}?download`} download className="text-accent underline-offset-2 hover:underline" data-testid="chain-download">
              Download MP4
            </a>
          </>
        ) : (
          <span className="text-muted">Not rendered yet: render joins the shots into one MP4 without re-encoding.</span>
        )}
        {actions && (!render || !render.current) && (
          <Button variant="primary" className="ml-auto" disabled={pending || !playable} onClick={() => run(() => actions.render(chainId))} data-testid="chain-render">
            {pending ? 'Working…' : render ? 'Render again' : 'Render to one MP4'}
          </Button>
        )}
      </section>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}

      <ol className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Shots">
        {shots.map((shot) => (
          <ShotCard
            key={shot.view.id}
            shot={shot}
            onView={(view) => setLive((current) => (current[shot.position] === view ? current : { ...current, [shot.position]: view }))}
            onRegenerate={actions ? () => run(() => actions.regenerate(chainId, shot.position), announceClipsStarted) : undefined}
            pending={pending}
          />
        ))}
      </ol>
    </div>
  );
}

function ShotCard({ shot, onView, onRegenerate, pending }: { shot: ChainShotView; onView: (view: GenerationView) => void; onRegenerate?: () => void; pending: boolean }) {
  const { data: view } = useGeneration(shot.view);
  useEffect(() => onView(view), [view, onView]);
  return (
    <li className="space-y-2 rounded-card border border-line bg-surface p-3" data-testid="chain-shot" data-position={shot.position} data-state={view.state}>
      <ClipStage view={view} fit="card" start="hover" />
      <div className="flex items-center justify-between gap-2 text-sm">
        <Link href={`/gallery/${view.id}`} className="font-medium hover:underline">
          Shot {shot.position}
        </Link>
        <StateBadge state={view.state} />
      </div>
      <p className="line-clamp-2 text-sm text-muted">{shownPrompt(view.prompt)}</p>
      <div className="flex items-center justify-between gap-2 text-xs text-muted">
        <span>
          seed {view.seed}
          {shot.takes > 1 ? ` · ${shot.takes} takes` : ''}
        </span>
        {onRegenerate && (
          <button type="button" className={buttonClass('ghost', 'h-8 px-2 text-xs')} disabled={pending} onClick={onRegenerate} data-testid="chain-new-take">
            New take
          </button>
        )}
      </div>
    </li>
  );
}
