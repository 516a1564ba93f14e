'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson, queryKeys } from '@/lib/client-fetch';
import type { HourlyLeft } from '@/lib/start/hourly-left';
import { useNow } from './hooks/use-now';
import { formatClock } from './format';

/** "12 of 20 clips left this hour": how many more the form can start before the hourly limit refuses one. */
export function QuotaLine() {
  const quota = useQuery({
    queryKey: queryKeys.quota,
    queryFn: ({ signal }) => fetchJson<HourlyLeft>('/api/generations/quota', signal),
    // Clips older than an hour stop counting: read again when the next one frees up.
    refetchInterval: (query) => (query.state.data?.nextAt ? Math.max(5_000, query.state.data.nextAt - Date.now()) : false),
    refetchOnWindowFocus: 'always',
  });
  const now = useNow(quota.data?.left === 0);
  const data = quota.data;
  if (!data) return <p className="h-4 text-xs text-muted" aria-hidden />;
  const whose = data.scope === 'person' ? ' (your limit across all teams)' : '';
  return (
    <p data-testid="quota-line" className={`text-xs tabular-nums ${data.left === 0 ? 'text-danger' : data.left <= Math.ceil(data.limit / 10) ? 'text-warning' : 'text-muted'}`}>
      {data.left === 0
        ? `No clips left this hour${whose}: the next is possible in ${formatClock(Math.max(0, (data.nextAt ?? now) - now))}.`
        : `${data.left} of ${data.limit} clips left this hour${whose}`}
    </p>
  );
}
