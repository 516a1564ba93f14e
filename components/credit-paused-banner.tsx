'use client';

import { TOP_UP_HREF } from '@/lib/generation/fail-codes';
import { useCreditRefreshOnStart, useCreditStatus } from './credit-query';

/** Says, for as long as it lasts, that sending waits because the API key is out of credit. */
export function CreditPausedBanner() {
  useCreditRefreshOnStart();
  const { data } = useCreditStatus();
  if (!data?.sendingPaused) return null;
  return (
    <div
      role="status"
      data-testid="credit-paused-banner"
      className="mb-6 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-lg border border-warning/40 bg-warning/10 px-4 py-3 text-sm"
    >
      <p>
        <span className="font-medium text-warning">Sending is paused: the API key is out of credit.</span>{' '}
        <span className="text-ink/80">Queued clips wait in their places and are sent as soon as the balance is back.</span>
      </p>
      <a href={TOP_UP_HREF} target="_blank" rel="noopener noreferrer" className="font-medium text-accent underline-offset-2 hover:underline">
        Top up the balance →
      </a>
    </div>
  );
}
