import { formatUsd } from '@/lib/generation/request-fields';
import type { UsageTotals } from '@/lib/usage/report';
import { formatDuration, formatPercent, formatSeconds } from './usage-format';

/** The period's headline numbers, each a labelled figure with a line of detail. */
export function UsageStats({ totals }: { totals: UsageTotals }) {
  const finished = totals.succeeded + totals.failed;
  const stats: { label: string; value: string; detail: string; id: string }[] = [
    { id: 'clips', label: 'Clips', value: String(totals.clips), detail: detailOf(totals) },
    { id: 'seconds', label: 'Video generated', value: formatSeconds(totals.seconds), detail: `${totals.succeeded} successful ${totals.succeeded === 1 ? 'clip' : 'clips'}` },
    { id: 'spend', label: 'Estimated spend', value: formatUsd(totals.cents), detail: 'From the price table when each clip started' },
    {
      id: 'success',
      label: 'Success rate',
      value: totals.successRate === null ? '—' : formatPercent(totals.successRate),
      detail: finished ? `${totals.succeeded} of ${finished} finished` : 'Nothing finished yet',
    },
    { id: 'median', label: 'Median generation time', value: totals.medianMs === null ? '—' : formatDuration(totals.medianMs), detail: 'Started to finished, successful clips' },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {stats.map((stat) => (
        <div key={stat.id} className="rounded-xl border border-line bg-surface p-4 last:col-span-2 sm:last:col-span-1" data-testid={`usage-${stat.id}`}>
          <dt className="text-xs font-medium text-muted">{stat.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tracking-tight tabular-nums">{stat.value}</dd>
          <dd className="mt-1 text-xs text-muted">{stat.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

function detailOf({ succeeded, failed, cancelled, running }: UsageTotals): string {
  const parts = [`${succeeded} done`, `${failed} failed`];
  if (cancelled) parts.push(`${cancelled} cancelled`);
  if (running) parts.push(`${running} in progress`);
  return parts.join(' · ');
}
