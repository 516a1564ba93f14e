'use client';

import type { GenerationView } from '@/lib/generation/view';
import { ClipFrame, type FrameFit } from './clip-frame';
import { formatClock } from './format';
import { useNow } from './hooks/use-now';

/** A placeholder the size of the coming clip, with elapsed time against the documented ETA. */
export function ClipProgress({ view, fit }: { view: GenerationView; fit: FrameFit }) {
  const now = useNow(true);
  const started = view.submittedAt ?? view.createdAt;
  const elapsed = Math.max(0, now - started);
  const fraction = Math.min(0.97, elapsed / view.expectedDurationMs);
  const overdue = elapsed > view.expectedDurationMs;
  return (
    <div className="space-y-2">
      <ClipFrame aspectRatio={view.aspectRatio} fit={fit} className="bg-raised">
        <div className="absolute inset-0 animate-pulse bg-gradient-to-br from-accent/10 via-transparent to-accent/5" />
        <span className="absolute inset-0 grid place-items-center font-mono text-sm text-muted tabular-nums" data-testid="elapsed">
          <span>
            {formatClock(elapsed)} <span className="opacity-60">/ ~{formatClock(view.expectedDurationMs)}</span>
          </span>
        </span>
      </ClipFrame>
      <div
        role="progressbar"
        aria-label="Generation progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        className="h-1 overflow-hidden rounded-full bg-raised"
      >
        <div className="h-full rounded-full bg-accent transition-[width] duration-1000 ease-linear" style={{ width: `${fraction * 100}%` }} />
      </div>
      {overdue && <p className="text-xs text-muted">Taking a little longer than usual. It will appear here as soon as it is ready.</p>}
    </div>
  );
}
