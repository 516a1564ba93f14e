'use client';

import { progressOf } from '@/lib/generation/activity';
import { isTerminal } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import { StateBadge } from './clip-stage';
import { useGeneration } from './hooks/generation-watch';
import { useNow } from './hooks/use-now';
import { ProgressBar } from './ui/progress-bar';

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
  const { fraction } = progressOf(view, useNow(running));
  const jump = () => document.querySelector(`[data-testid="clip-card"][data-generation-id="${view.id}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  return (
    <li>
      <button type="button" onClick={jump} className="w-full space-y-1.5 rounded-lg px-2 py-1.5 text-left hover:bg-raised" data-testid="in-flight-clip">
        <span className="flex items-center gap-2">
          <StateBadge state={view.state} />
          <span className="min-w-0 flex-1 truncate text-sm">{view.prompt}</span>
          <span className="text-xs text-muted">{view.state === 'success' ? 'Watch ↓' : 'Show ↓'}</span>
        </span>
        <ProgressBar label="Generation progress" fraction={fraction} />
      </button>
    </li>
  );
}
