'use client';

import { formatUsd } from '@/lib/generation/request-fields';
import { useCreditStatus } from './credit-query';

/** The header's balance of the API key, in USD; nothing at all while it is unknown or unreadable. */
export function BalanceBadge() {
  const { data } = useCreditStatus();
  if (data?.balanceUsd == null) return null;
  const empty = data.balanceUsd <= 0;
  return (
    <span
      data-testid="balance-badge"
      title="What the Wan API key has left to spend"
      className={`whitespace-nowrap rounded-full border px-2.5 py-0.5 text-xs font-medium tabular-nums ${empty ? 'border-danger/40 bg-danger/10 text-danger' : 'border-line text-muted'}`}
    >
      <span className="sr-only sm:not-sr-only">Balance </span>
      {formatUsd(Math.round(data.balanceUsd * 100))}
    </span>
  );
}
