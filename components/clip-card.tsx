'use client';

import { IntentLink } from './intent-link';
import { isCancellable } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import type { PlayStart } from './clip-player';
import { ClipParams } from './generation-params';
import { ClipStage, StateBadge } from './clip-stage';
import { useGeneration } from './hooks/generation-watch';
import { QueueControls, type ManageQueueAction } from './queue-controls';
import { shownPrompt } from '@/components/format';

/** One generation, watched live until it finishes, then playing inline. */
type Props = {
  initial: GenerationView;
  manage: ManageQueueAction;
  mayManage: (view: GenerationView) => boolean;
  /** Only the newest card plays by itself (`idle`); the others wait on their still until hovered. */
  start: PlayStart;
};

export function ClipCard({ initial, manage, mayManage, start }: Props) {
  const { data: view } = useGeneration(initial);
  const controllable = isCancellable(view.state) && mayManage(view);
  return (
    <article data-testid="clip-card" data-generation-id={view.id} className="space-y-3 rounded-card border border-line bg-surface p-3">
      <ClipStage view={view} fit="card" start={start} />
      {controllable && <QueueControls view={view} manage={manage} />}
      <div className="space-y-1.5 px-1">
        <div className="flex items-center justify-between gap-2">
          <StateBadge state={view.state} />
          <IntentLink href={`/gallery/${view.id}`} className="text-xs text-muted hover:text-ink">
            Details →
          </IntentLink>
        </div>
        <p className="line-clamp-2 text-sm text-ink" title={shownPrompt(view.prompt)}>
          {shownPrompt(view.prompt)}
        </p>
        <ClipParams view={view} />
      </div>
    </article>
  );
}
