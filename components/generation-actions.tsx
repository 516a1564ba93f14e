'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import type { GenerationView } from '@/lib/generation/view';
import { Button, buttonClass } from './ui/button';
import { announceClipsStarted } from './activity-events';

export type ReproduceAction = (id: string, options: { newSeed: boolean }) => Promise<ActionResult<GenerationView>>;

/** Iterate from a clip: the identical request again, the same with a new seed, or open it in the studio. */
export function GenerationActions({ id, reproduce, canCreate }: { id: string; reproduce: ReproduceAction; canCreate: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function run(newSeed: boolean) {
    setError(undefined);
    startTransition(async () => {
      const result = await reproduce(id, { newSeed });
      if (result.ok) {
        announceClipsStarted();
        router.push(`/gallery/${result.data.id}`);
      }
      else setError(result.message);
    });
  }

  if (!canCreate) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={pending} onClick={() => run(false)} title="Send the identical request again, same seed">
          Reproduce
        </Button>
        <Button disabled={pending} onClick={() => run(true)} title="Same settings, a new random seed">
          New seed
        </Button>
        <Link href={`/?remix=${id}`} className={buttonClass('secondary')}>
          Remix
        </Link>
      </div>
      {error && (
        <p role="status" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
