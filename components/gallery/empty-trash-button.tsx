'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActionResult } from '@/lib/actions';
import { useAction } from '../hooks/use-action';
import { Button } from '../ui/button';

/** Owners can empty the trash at once; it asks first, because this one cannot be undone. */
export function EmptyTrashButton({ emptyTrash }: { emptyTrash: () => Promise<ActionResult<{ deleted: number; waiting: number }>> }) {
  const [confirming, setConfirming] = useState(false);
  const { run, error, pending } = useAction();
  const queryClient = useQueryClient();
  const emptied = () => {
    setConfirming(false);
    // The grid keeps its pages in the query cache; a page refresh alone would not replace them.
    void queryClient.invalidateQueries({ queryKey: ['gallery'] });
  };
  if (!confirming) {
    return (
      <Button variant="ghost" className="text-danger hover:text-danger" onClick={() => setConfirming(true)} data-testid="empty-trash">
        Empty trash…
      </Button>
    );
  }
  return (
    <div className="flex items-center gap-2 text-sm">
      <span>{error ?? 'Delete every clip here for good?'}</span>
      <Button
        variant="primary"
        className="bg-danger"
        disabled={pending}
        data-testid="empty-trash-confirm"
        onClick={() => run(emptyTrash, emptied)}
      >
        Delete for good
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        Keep
      </Button>
    </div>
  );
}
