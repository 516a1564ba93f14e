'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';

/** Runs a server action, keeps its error for display, and refreshes the page's data when it worked. */
export function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const run = <T,>(work: () => Promise<ActionResult<T>>, after?: (data: T) => void) =>
    startTransition(async () => {
      setError(undefined);
      const result = await work();
      if (!result.ok) return setError(result.message);
      after?.(result.data);
      router.refresh();
    });
  return { run, error, pending };
}
