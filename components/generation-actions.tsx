'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import type { GenerationView } from '@/lib/generation/view';
import { Button, buttonClass } from './ui/button';
import { announceClipsStarted } from './activity-events';

export type ReproduceAction = (id: string, options: { newSeed: boolean }) => Promise<ActionResult<GenerationView>>;
export type ContinueAction = (id: string) => Promise<ActionResult<{ chainId: string; after: string }>>;

/** Iterate from a clip: the identical request again, the same with a new seed, or open it in the studio. */
export function GenerationActions({
  id,
  reproduce,
  canCreate,
  continueClip,
}: {
  id: string;
  reproduce: ReproduceAction;
  canCreate: boolean;
  /** Offered on a finished clip that is no chain's or its chain's last shot. */
  continueClip?: ContinueAction;
}) {
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

  function continueFrom(action: ContinueAction) {
    setError(undefined);
    startTransition(async () => {
      const result = await action(id);
      if (result.ok) router.push(`/?chain=${result.data.chainId}&after=${result.data.after}`);
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
        {continueClip && (
          <Button disabled={pending} onClick={() => continueFrom(continueClip)} data-testid="continue-clip" title="The next shot, starting from this clip’s last frame">
            Continue
          </Button>
        )}
      </div>
      {error && (
        <p role="status" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
