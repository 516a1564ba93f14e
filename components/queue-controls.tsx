'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import type { GenerationView } from '@/lib/generation/view';
import { queryKeys } from '@/lib/client-fetch';
import { Button } from './ui/button';

export type QueueCommand =
  | { command: 'cancel'; id: string }
  | { command: 'resubmit'; id: string }
  | { command: 'move'; id: string; direction: 'up' | 'down' };
export type ManageQueueAction = (command: QueueCommand) => Promise<ActionResult<GenerationView>>;

/** Runs a queue command and puts the clip's new view in the cache, so every place showing it is current. */
export function useQueueCommand(manage: ManageQueueAction) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  function run(command: QueueCommand) {
    setError(undefined);
    startTransition(async () => {
      const result = await manage(command);
      if (result.ok) queryClient.setQueryData(queryKeys.generation(command.id), result.data);
      else setError(result.message);
    });
  }
  return { run, error, pending };
}

/** What a person can do with a clip that has not been sent: reorder or cancel it; or, when unconfirmed, resend or dismiss. */
export function QueueControls({ view, manage }: { view: GenerationView; manage: ManageQueueAction }) {
  const { run, error, pending } = useQueueCommand(manage);

  const small = 'h-8 px-3 text-xs';
  return (
    <div className="space-y-2">
      {view.state === 'queued' ? (
        <div className="flex flex-wrap items-center gap-2">
          <p className="mr-auto text-sm text-muted" data-testid="queue-position">
            Queued{view.queuePosition ? `, ${ordinal(view.queuePosition)} to be sent` : ''}: teams and people take turns, and it goes as soon as the service has a free slot.
          </p>
          <Button className={small} disabled={pending} aria-label="Move earlier" onClick={() => run({ command: 'move', id: view.id, direction: 'up' })}>
            ↑
          </Button>
          <Button className={small} disabled={pending} aria-label="Move later" onClick={() => run({ command: 'move', id: view.id, direction: 'down' })}>
            ↓
          </Button>
          <Button className={small} disabled={pending} onClick={() => run({ command: 'cancel', id: view.id })}>
            Cancel
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" className={small} disabled={pending} onClick={() => run({ command: 'resubmit', id: view.id })}>
            Send again
          </Button>
          <Button className={small} disabled={pending} onClick={() => run({ command: 'cancel', id: view.id })}>
            Dismiss
          </Button>
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
