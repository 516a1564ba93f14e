'use client';

import { IntentLink } from './intent-link';
import { phaseOf, progressOf } from '@/lib/generation/activity';
import { explainFailure } from '@/lib/generation/fail-codes';
import type { GenerationView } from '@/lib/generation/view';
import { formatClock, shownPrompt } from './format';
import { useCreditStatus } from './credit-query';
import { useGeneration } from './hooks/generation-watch';
import { ordinal, QueueControls, type ManageQueueAction } from './queue-controls';
import { ProgressBar } from './ui/progress-bar';

const running: Partial<Record<GenerationView['state'], string>> = { sending: 'Sending', pending: 'Waiting', processing: 'Generating', timed_out: 'Taking long' };

function statusOf(view: GenerationView, now: number, creditPaused: boolean): string {
  const { elapsedMs } = progressOf(view, now);
  switch (phaseOf(view.state)) {
    case 'queued':
      // While the key is out of credit nothing is sent: say why it waits, not only where.
      return `Queued${view.queuePosition ? ` · ${ordinal(view.queuePosition)} to be sent` : ''}${creditPaused ? ' · waits for credit' : ''} · ${formatClock(elapsedMs)}`;
    case 'running':
      return `${running[view.state] ?? 'Running'} · ${formatClock(elapsedMs)} / ~${formatClock(view.expectedDurationMs)}`;
    case 'done':
      return `Done in ${formatClock(elapsedMs)}`;
    case 'failed':
      return explainFailure(view.failCode).title;
    case 'unconfirmed':
      return 'Unconfirmed: the service did not answer';
    case 'cancelled':
      return 'Cancelled';
  }
}

/** One clip in the activity panel: live through the tab's long poll, with its place, time, the queue's controls or its result. */
export function ActivityItem({
  initial,
  now,
  showAuthor,
  mayManage,
  manage,
  onDismiss,
}: {
  initial: GenerationView;
  now: number;
  showAuthor: boolean;
  mayManage: boolean;
  manage: ManageQueueAction;
  onDismiss: (id: string) => void;
}) {
  const { data: view } = useGeneration(initial);
  const creditPaused = useCreditStatus().data?.sendingPaused ?? false;
  const phase = phaseOf(view.state);
  const progress = progressOf(view, now);
  const short = view.prompt.length > 40 ? `${view.prompt.slice(0, 39)}…` : view.prompt;
  const finished = phase === 'done' || phase === 'failed';
  return (
    <li data-testid="activity-item" data-generation-id={view.id} data-state={view.state} className="flex gap-3 py-3">
      <IntentLink href={`/gallery/${view.id}`} className="relative block h-10 w-16 shrink-0 overflow-hidden rounded-md bg-raised" aria-label={`Open “${short}”`}>
        {view.posterUrl ? (
          <img src={view.posterUrl} alt="" loading="lazy" className="h-full w-full object-cover" data-testid="activity-poster" />
        ) : (
          <span aria-hidden className={`absolute inset-0 grid place-items-center text-xs ${phase === 'failed' ? 'text-danger' : 'text-muted'}`}>
            {phase === 'failed' ? '!' : phase === 'done' ? '▶' : phase === 'running' ? <span className="size-1.5 animate-pulse rounded-full bg-accent" /> : '…'}
          </span>
        )}
      </IntentLink>
      <div className="min-w-0 flex-1 space-y-1">
        <p className="truncate text-sm text-ink" title={shownPrompt(view.prompt)}>
          {shownPrompt(view.prompt)}
        </p>
        <p className={`truncate text-xs tabular-nums ${phase === 'failed' ? 'text-danger' : 'text-muted'}`} data-testid="activity-status">
          {showAuthor && <span className="text-ink/80">{view.authorName} · </span>}
          {statusOf(view, now, creditPaused)}
        </p>
        {phase === 'running' && (
          <ProgressBar label={`Progress of “${short}”`} fraction={progress.fraction} />
        )}
        {mayManage && (phase === 'queued' || phase === 'unconfirmed') && <QueueControls view={view} manage={manage} compact />}
      </div>
      {finished && (
        <button type="button" className="h-7 shrink-0 rounded-md px-1.5 text-xs text-muted hover:bg-raised hover:text-ink" aria-label={`Dismiss “${short}”`} onClick={() => onDismiss(view.id)}>
          ✕
        </button>
      )}
    </li>
  );
}
