'use client';

import { isTerminal } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import { StateBadge } from './clip-stage';
import { useGeneration } from './hooks/generation-watch';
import { useNow } from './hooks/use-now';

/**
 * Phones only: the clips just started here, right under the form and stuck just above the activity bar
 * while the form is in view, so a running clip is seen without scrolling past the form. Tap one to jump
 * to its card. Desktop shows the cards beside the form instead.
 */
export function StudioInFlight({ views }: { views: GenerationView[] }) {
  if (views.length === 0) return null;
  return (
    <ul aria-label="Just started" data-testid="in-flight" className="sticky bottom-[4.75rem] z-10 space-y-1.5 rounded-card border border-line bg-surface/95 p-2 shadow-lg backdrop-blur lg:hidden">
      {views.slice(0, 3).map((view) => (
        <InFlightRow key={view.id} initial={view} />
      ))}
    </ul>
  );
}

function InFlightRow({ initial }: { initial: GenerationView }) {
  const { data: view } = useGeneration(initial);
  const running = !isTerminal(view.state) && view.state !== 'queued';
  const now = useNow(running);
  const elapsed = Math.max(0, now - (view.submittedAt ?? view.createdAt));
  const fraction = view.state === 'success' ? 1 : running ? Math.min(0.97, elapsed / view.expectedDurationMs) : 0;
  const jump = () => document.querySelector(`[data-testid="clip-card"][data-generation-id="${view.id}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  return (
    <li>
      <button type="button" onClick={jump} className="w-full space-y-1.5 rounded-lg px-2 py-1.5 text-left hover:bg-raised" data-testid="in-flight-clip">
        <span className="flex items-center gap-2">
          <StateBadge state={view.state} />
          <span className="min-w-0 flex-1 truncate text-sm">{view.prompt}</span>
          <span className="text-xs text-muted">{view.state === 'success' ? 'Watch ↓' : 'Show ↓'}</span>
        </span>
        <span
          role="progressbar"
          aria-label="Generation progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
          className="block h-1 overflow-hidden rounded-full bg-raised"
        >
          <span className="block h-full rounded-full bg-accent transition-[width] duration-1000 ease-linear" style={{ width: `${fraction * 100}%` }} />
        </span>
      </button>
    </li>
  );
}
