'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { Button } from '../ui/button';

/** Owners can empty the trash at once; it asks first, because this one cannot be undone. */
export function EmptyTrashButton({ emptyTrash }: { emptyTrash: () => Promise<ActionResult<{ deleted: number; waiting: number }>> }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <Button variant="ghost" className="text-danger hover:text-danger" onClick={() => setConfirming(true)} data-testid="empty-trash">
        Empty trash…
      </Button>
    );
  }
  return (
    <div className="flex items-center gap-2 text-sm">
      <span>{message ?? 'Delete every clip here for good?'}</span>
      <Button
        variant="primary"
        className="bg-danger"
        disabled={pending}
        data-testid="empty-trash-confirm"
        onClick={() =>
          startTransition(async () => {
            const result = await emptyTrash();
            if (!result.ok) return setMessage(result.error);
            setConfirming(false);
            router.refresh();
          })
        }
      >
        Delete for good
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        Keep
      </Button>
    </div>
  );
}
