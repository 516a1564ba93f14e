import { phaseOf, progressOf } from '@/lib/generation/activity';
import type { GenerationView } from '@/lib/generation/view';

/**
 * Phones, sheet closed: the newest running clip's progress as a line along the top of the activity bar, and its
 * prompt for the bar's second line. The bar is the one place a phone shows clips in flight (the studio has no strip of its own).
 */
export function newestRunning(views: readonly GenerationView[]): GenerationView | undefined {
  return views.filter((view) => phaseOf(view.state) === 'running').sort((a, b) => b.createdAt - a.createdAt)[0];
}

export function ActivityBarProgress({ view, now }: { view: GenerationView; now: number }) {
  const { fraction } = progressOf(view, now);
  const short = view.prompt.length > 40 ? `${view.prompt.slice(0, 39)}…` : view.prompt;
  return (
    <div
      role="progressbar"
      aria-label={`Progress of “${short}”`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(fraction * 100)}
      data-testid="activity-bar-progress"
      className="absolute inset-x-0 top-0 h-0.5 bg-raised lg:hidden"
    >
      <div className="h-full bg-accent transition-[width] duration-1000 ease-linear" style={{ width: `${fraction * 100}%` }} />
    </div>
  );
}
