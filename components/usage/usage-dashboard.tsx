'use client';

import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { fetchJson, HttpError, queryKeys } from '@/lib/client-fetch';
import type { UsagePeriod, UsageScope } from '@/lib/usage/period';
import type { UsageReport } from '@/lib/usage/report';
import { Segmented } from '../ui/segmented';
import { UsageFailCodes, UsagePeople } from './usage-breakdown';
import type { ChartMetric } from './usage-chart';
import { UsageChartTable } from './usage-chart-table';
import { ChartPlaceholder, UsageEmpty, UsageError, UsageSkeleton } from './usage-states';
import { UsageStats } from './usage-stats';

// The chart (and recharts with it) loads on this page only, after the numbers.
const UsageChart = dynamic(() => import('./usage-chart'), { ssr: false, loading: () => <ChartPlaceholder /> });

const periodOptions = [
  { value: 7, label: '7 days' },
  { value: 30, label: '30 days' },
  { value: 90, label: '90 days' },
] as const;
const scopeOptions = [
  { value: 'me', label: 'Me' },
  { value: 'team', label: 'Team' },
] as const;
const metricOptions = [
  { value: 'clips', label: 'Clips' },
  { value: 'spend', label: 'Spend' },
] as const;

/** The browser's own zone, so a day on the chart is the viewer's calendar day. */
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function UsageDashboard({ initial, canSeeTeam, canGenerate }: { initial: { period: UsagePeriod; scope: UsageScope }; canSeeTeam: boolean; canGenerate: boolean }) {
  const [period, setPeriod] = useState<UsagePeriod>(initial.period);
  const [scope, setScope] = useState<UsageScope>(canSeeTeam ? initial.scope : 'me');
  const [metric, setMetric] = useState<ChartMetric>('clips');
  const query = useQuery({
    queryKey: queryKeys.usage(`${scope}:${period}`),
    queryFn: ({ signal }) => fetchJson<UsageReport>(`/api/usage?${new URLSearchParams({ period: String(period), scope, tz: browserTimeZone() })}`, signal),
    placeholderData: (previous) => previous,
  });

  const choose = (next: { period?: UsagePeriod; scope?: UsageScope }) => {
    const values = { period: next.period ?? period, scope: next.scope ?? scope };
    setPeriod(values.period);
    setScope(values.scope);
    window.history.replaceState(null, '', `?${new URLSearchParams({ period: String(values.period), scope: values.scope })}`);
  };

  const report = query.data;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end gap-4">
        {canSeeTeam && (
          <div className="w-40">
            <Segmented name="usage-scope" label="Whose usage" options={scopeOptions} value={scope} onChange={(value) => choose({ scope: value })} />
          </div>
        )}
        <div className="w-64 max-w-full">
          <Segmented name="usage-period" label="Period" options={periodOptions} value={period} onChange={(value) => choose({ period: value })} />
        </div>
        {query.isFetching && report && <span className="pb-2 text-sm text-muted" role="status">Updating…</span>}
      </div>

      {query.isError && !report ? (
        <UsageError status={query.error instanceof HttpError ? query.error.status : undefined} retry={() => void query.refetch()} />
      ) : !report ? (
        <UsageSkeleton />
      ) : report.totals.clips === 0 ? (
        <UsageEmpty period={period} scope={scope} canGenerate={canGenerate} />
      ) : (
        <div className="space-y-10" aria-busy={query.isFetching}>
          <UsageStats totals={report.totals} />
          <section className="space-y-3" aria-labelledby="usage-chart-title">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <div>
                <h2 id="usage-chart-title" className="text-base font-semibold tracking-tight">{metric === 'clips' ? 'Clips per day' : 'Estimated spend per day'}</h2>
                <p className="text-xs text-muted">Days in {report.timeZone.replace(/_/g, ' ')}</p>
              </div>
              <div className="w-44">
                <Segmented name="usage-metric" label="Chart" options={metricOptions} value={metric} onChange={setMetric} />
              </div>
            </div>
            <figure className="rounded-xl border border-line bg-surface p-3 sm:p-4" data-testid="usage-chart">
              <div aria-hidden>
                <UsageChart days={report.days} metric={metric} />
              </div>
              <UsageChartTable days={report.days} caption={`Clips by outcome and estimated spend per day, last ${report.period} days`} />
            </figure>
          </section>
          <section className="space-y-3">
            <h2 className="text-base font-semibold tracking-tight">Why clips failed</h2>
            <UsageFailCodes failCodes={report.failCodes} />
          </section>
          {report.people && (
            <section className="space-y-3">
              <h2 className="text-base font-semibold tracking-tight">People</h2>
              <UsagePeople people={report.people} />
            </section>
          )}
        </div>
      )}
    </div>
  );
}
