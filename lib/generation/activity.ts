import { stateGroups, type GenerationState } from './states';
import type { GenerationView } from './view';

// The activity panel's words and arithmetic (isomorphic): which clips it lists, how far along each is, the counts.

export const activityScopes = ['mine', 'team'] as const;
export type ActivityScope = (typeof activityScopes)[number];

/** A finished clip stays in the panel this long (or until dismissed). */
export const DONE_KEEP_MS = 15 * 60_000;
/** The most clips the panel lists. */
export const ACTIVITY_LIMIT = 50;

export type Phase = 'queued' | 'running' | 'done' | 'failed' | 'unconfirmed' | 'cancelled';

export function phaseOf(state: GenerationState): Phase {
  if (state === 'queued') return 'queued';
  if (state === 'success') return 'done';
  if (state === 'failed') return 'failed';
  if (state === 'unknown') return 'unconfirmed';
  if (state === 'cancelled') return 'cancelled';
  return 'running';
}

/** Still on its way: the clips the tab title counts. */
export const isOnItsWay = (state: GenerationState): boolean => (stateGroups.running as readonly GenerationState[]).includes(state);

type Timed = Pick<GenerationView, 'state' | 'createdAt' | 'submittedAt' | 'completedAt' | 'expectedDurationMs'>;
export type Progress = { elapsedMs: number; fraction: number; remainingMs: number; overdue: boolean };

/**
 * How far along a clip is against the documented generation time: elapsed since it was sent (since it was
 * stored while queued), a fraction that stops short of the end until the clip is really there (and stays empty
 * for one that ended without a video), and what is left. The one fraction every progress bar shows.
 */
export function progressOf(view: Timed, now: number): Progress {
  const phase = phaseOf(view.state);
  if (phase === 'queued') return { elapsedMs: Math.max(0, now - view.createdAt), fraction: 0, remainingMs: view.expectedDurationMs, overdue: false };
  const start = view.submittedAt ?? view.createdAt;
  const end = phase === 'running' ? now : (view.completedAt ?? now);
  const elapsedMs = Math.max(0, end - start);
  // Only a clip that is there fills the bar: one that failed, went unconfirmed or was cancelled shows none.
  if (phase !== 'running') return { elapsedMs, fraction: phase === 'done' ? 1 : 0, remainingMs: 0, overdue: false };
  return {
    elapsedMs,
    fraction: Math.min(0.97, elapsedMs / view.expectedDurationMs),
    remainingMs: Math.max(0, view.expectedDurationMs - elapsedMs),
    overdue: elapsedMs > view.expectedDurationMs,
  };
}

/** What the panel lists of the clips it knows: not cancelled, not dismissed, and finished ones only for a while. */
export function visibleActivity<T extends Pick<GenerationView, 'id' | 'state' | 'completedAt'>>(views: readonly T[], dismissed: ReadonlySet<string>, now: number): T[] {
  return views.filter((view) => {
    if (view.state === 'cancelled' || dismissed.has(view.id)) return false;
    const phase = phaseOf(view.state);
    return !(phase === 'done' || phase === 'failed') || view.completedAt === null || now - view.completedAt < DONE_KEEP_MS;
  });
}

export type ActivityCounts = { running: number; queued: number; done: number; failed: number };

export function countActivity(views: readonly Pick<GenerationView, 'state'>[]): ActivityCounts {
  const counts: ActivityCounts = { running: 0, queued: 0, done: 0, failed: 0 };
  for (const { state } of views) {
    const phase = phaseOf(state);
    if (phase === 'running' || phase === 'queued' || phase === 'done') counts[phase] += 1;
    else if (phase === 'failed' || phase === 'unconfirmed') counts.failed += 1;
  }
  return counts;
}

/** "3 running · 2 queued" (and what finished), or that nothing is happening. */
export function summaryOf({ running, queued, done, failed }: ActivityCounts): string {
  const parts = [running && `${running} running`, queued && `${queued} queued`, done && `${done} done`, failed && `${failed} failed`].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Nothing running';
}

const COUNT_PREFIX = /^\(\d+\) /;

/** The tab title with the number of clips on their way in front, "(3) Studio · Wan Studio"; the plain title at 0. */
export function titleWithCount(title: string, count: number): string {
  const plain = title.replace(COUNT_PREFIX, '');
  return count > 0 ? `(${count}) ${plain}` : plain;
}
