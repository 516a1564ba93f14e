import Link from 'next/link';

/** Above a gallery filtered to one batch: what it is, and what can be done with it as a whole. */
export function BatchBar({ batchId, clips, done, galleryHref }: { batchId: string; clips: number; done: number; galleryHref: string }) {
  return (
    <section aria-label="Batch" data-testid="batch-bar" className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-surface px-4 py-3 text-sm">
      <p>
        <span className="font-medium text-ink">One batch</span>
        <span className="text-muted">
          {' '}
          · {clips} {clips === 1 ? 'clip' : 'clips'}, {done} done
        </span>
      </p>
      <nav className="flex flex-wrap items-center gap-4">
        {done >= 2 && (
          <Link href={`/compare?batch=${batchId}`} className="text-accent underline-offset-2 hover:underline" data-testid="batch-compare">
            Compare{clips > 16 ? ' the first 16' : ''}
          </Link>
        )}
        <a href={`/api/batches/${batchId}/csv`} download className="text-accent underline-offset-2 hover:underline" data-testid="batch-csv">
          Download as CSV
        </a>
        <Link href={galleryHref} className="text-muted hover:text-ink">
          Whole gallery
        </Link>
      </nav>
    </section>
  );
}
