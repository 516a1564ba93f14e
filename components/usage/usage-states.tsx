import Link from 'next/link';
import type { UsagePeriod, UsageScope } from '@/lib/usage/period';
import { Button, buttonClass } from '../ui/button';

// The usage page's loading, empty and error states.

export function ChartPlaceholder() {
  return <div data-placeholder="chart" className="h-[260px] animate-pulse rounded-lg bg-raised" />;
}

export function UsageSkeleton() {
  return (
    <div className="space-y-10" role="status" aria-label="Loading usage" data-placeholder="usage">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {[0, 1, 2, 3, 4].map((index) => (
          <div key={index} className="h-[6.5rem] animate-pulse rounded-xl border border-line bg-surface" />
        ))}
      </div>
      <ChartPlaceholder />
    </div>
  );
}

export function UsageEmpty({ period, scope, canGenerate }: { period: UsagePeriod; scope: UsageScope; canGenerate: boolean }) {
  return (
    <div className="rounded-xl border border-dashed border-line bg-surface px-6 py-12 text-center" data-testid="usage-empty">
      <p className="font-medium">No clips in the last {period} days</p>
      <p className="mx-auto mt-1 max-w-sm text-sm text-muted">
        {scope === 'team' ? 'Nobody in the team has started a clip in this period.' : 'Clips you start in this team appear here, with their cost and how long they took.'}
      </p>
      {canGenerate && (
        <Link href="/" className={buttonClass('primary', 'mt-5')}>
          Start a clip
        </Link>
      )}
    </div>
  );
}

export function UsageError({ status, retry }: { status?: number; retry: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-danger/30 bg-danger/5 px-6 py-8 text-center" data-testid="usage-error">
      <p className="font-medium text-danger">Usage could not be loaded</p>
      <p className="mx-auto mt-1 max-w-sm text-sm text-muted">{status === 401 ? 'Your session has ended: sign in again.' : 'Nothing is lost; this is only the report. Try again in a moment.'}</p>
      <Button className="mt-5" onClick={retry}>
        Try again
      </Button>
    </div>
  );
}
