'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import type { GenerationView } from '@/lib/generation/view';
import { queryKeys } from '@/lib/client-fetch';
import type { ButtonHTMLAttributes } from 'react';
import { Button } from './ui/button';
import { shownPrompt } from './format';

export type QueueCommand =
  | { command: 'cancel'; id: string }
  | { command: 'resubmit'; id: string }
  | { command: 'move'; id: string; direction: 'up' | 'down' }
  | { command: 'front'; id: string };
export type ManageQueueAction = (command: QueueCommand) => Promise<ActionResult<GenerationView>>;

/**
 * Runs a queue command and puts the clip's new view in the cache, so every place showing it is current; the
 * activity lists are read again too (the other queued clips' places arrive through the long poll the server wakes).
 */
export function useQueueCommand(manage: ManageQueueAction) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  function run(command: QueueCommand) {
    setError(undefined);
    startTransition(async () => {
      const result = await manage(command);
      if (result.ok) {
        queryClient.setQueryData(queryKeys.generation(command.id), result.data);
        void queryClient.invalidateQueries({ queryKey: queryKeys.activity() });
      } else setError(result.message);
    });
  }
  return { run, error, pending };
}

const compactClass = 'inline-flex h-7 min-w-7 items-center justify-center rounded-md border border-line px-2 text-xs text-ink hover:bg-raised disabled:cursor-not-allowed disabled:opacity-50';

/** The studio's button, or in the panel's compact form a small outlined one. */
function QueueButton({ compact, primary = false, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { compact: boolean; primary?: boolean }) {
  if (compact) return <button type="button" className={compactClass} {...props} />;
  return <Button variant={primary ? 'primary' : 'secondary'} className="h-8 px-3 text-xs" {...props} />;
}

type Props = {
  view: GenerationView;
  manage: ManageQueueAction;
  /** The activity panel's narrow form: no explanation, small buttons whose names say which clip they act on. */
  compact?: boolean;
};

/** What a person can do with a clip that has not been sent: reorder, send next or cancel it; or, when unconfirmed, resend or dismiss. */
export function QueueControls({ view, manage, compact = false }: Props) {
  const { run, error, pending } = useQueueCommand(manage);
  const prompt = shownPrompt(view.prompt);
  const short = prompt.length > 40 ? `${prompt.slice(0, 39)}…` : prompt;
  const named = (action: string) => (compact ? `${action}: “${short}”` : action);
  return (
    <div className={compact ? 'space-y-1 pt-0.5' : 'space-y-2'}>
      {view.state === 'queued' ? (
        <div className={`flex flex-wrap items-center ${compact ? 'gap-1.5' : 'gap-2'}`}>
          {!compact && (
            <p className="mr-auto text-sm text-muted" data-testid="queue-position">
              Queued{view.queuePosition ? `, ${ordinal(view.queuePosition)} to be sent` : ''}: teams and people take turns, and it goes as soon as the service has a free slot.
            </p>
          )}
          <QueueButton compact={compact} disabled={pending || view.queuePosition === 1} aria-label={named('Move to front')} title="Send this one next among your team’s queued clips" onClick={() => run({ command: 'front', id: view.id })}>
            ⤒
          </QueueButton>
          <QueueButton compact={compact} disabled={pending} aria-label={named('Move earlier')} onClick={() => run({ command: 'move', id: view.id, direction: 'up' })}>
            ↑
          </QueueButton>
          <QueueButton compact={compact} disabled={pending} aria-label={named('Move later')} onClick={() => run({ command: 'move', id: view.id, direction: 'down' })}>
            ↓
          </QueueButton>
          <QueueButton compact={compact} disabled={pending} aria-label={compact ? named('Cancel') : undefined} onClick={() => run({ command: 'cancel', id: view.id })}>
            Cancel
          </QueueButton>
        </div>
      ) : (
        <div className={`flex flex-wrap ${compact ? 'gap-1.5' : 'gap-2'}`}>
          <QueueButton compact={compact} primary disabled={pending} aria-label={compact ? named('Send again') : undefined} onClick={() => run({ command: 'resubmit', id: view.id })}>
            Send again
          </QueueButton>
          <QueueButton compact={compact} disabled={pending} aria-label={compact ? named('Dismiss') : undefined} onClick={() => run({ command: 'cancel', id: view.id })}>
            Dismiss
          </QueueButton>
        </div>
      )}
      {error && (
        <p role="status" className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
