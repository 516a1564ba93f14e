'use client';

import { useQueries } from '@tanstack/react-query';
import { memo, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { Toaster } from 'sonner';
import { fetchJson, queryKeys } from '@/lib/client-fetch';
import { activityScopes, countActivity, isOnItsWay, summaryOf, visibleActivity } from '@/lib/generation/activity';
import type { GenerationView } from '@/lib/generation/view';
import { useNow } from './hooks/use-now';
import type { ManageQueueAction } from './queue-controls';
import { useClipsStartedRefresh } from './activity-events';
import { ActivityBarProgress, newestRunning } from './activity-bar-progress';
import { ActivityItem } from './activity-item';
import { useDoneNotices } from './activity-done-notices';
import { SOUND_PREF, usePref } from './activity-prefs';
import { useTabTitle } from './activity-tab-title';
import { useActivityList, useDismissed } from './activity-list';
import { DockFrame } from './activity-dock-frame';
import { shownPrompt } from './format';

const WIDE = '(min-width: 1024px)';
const subscribeWide = (onChange: () => void) => {
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
// No server snapshot: the dock only ever renders in the browser (activity-dock-lazy, ssr: false).
const useWide = () => useSyncExternalStore(subscribeWide, () => window.matchMedia(WIDE).matches);

const toasterStyle = { '--normal-bg': 'var(--surface)', '--normal-text': 'var(--ink)', '--normal-border': 'var(--line)' } as CSSProperties;
const toastOptions = { classNames: { toast: 'font-sans shadow-lg', description: '!text-muted', actionButton: '!bg-accent !text-accent-ink' } };

/** The studio's one Toaster, in our colour tokens; memoised, so the panel's ticking clock leaves it alone. */
const StudioToaster = memo(function StudioToaster() {
  return <Toaster position="bottom-center" mobileOffset={{ bottom: 72 }} closeButton style={toasterStyle} toastOptions={toastOptions} />;
});

/**
 * The activity panel on every studio page: a side panel from `lg` (collapsible to a rail), a bottom sheet on
 * phones (a compact bar until opened). It also owns the tab title's count, the done announcements and the
 * studio's one Toaster (themed with our colour tokens, so it follows light and dark).
 */
export function ActivityDock({ userId, teamId, manage, manageReach }: { userId: string; teamId: string; manage: ManageQueueAction; manageReach: 'any' | 'own' | null }) {
  const [scope, setScope] = usePref('wan-studio:activity-scope', 'mine', activityScopes);
  const [panel, setPanel] = usePref('wan-studio:activity-panel', 'open', ['open', 'closed'] as const);
  const [sound, setSound] = usePref(SOUND_PREF, 'on', ['on', 'off'] as const);
  const [sheetOpen, setSheetOpen] = useState(false);
  const wide = useWide();
  const list = useActivityList(scope, teamId);
  const { dismissed, dismiss } = useDismissed();

  // The live state of every listed clip: the same cache entries each item keeps current through the long poll.
  const live = useQueries({
    queries: (list.data ?? []).map((initial) => ({
      queryKey: queryKeys.generation(initial.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<GenerationView>(`/api/generations/${initial.id}`, signal),
      initialData: initial,
      staleTime: Infinity,
    })),
  });
  const known = live.flatMap((query) => (query.data ? [query.data] : []));
  // Elapsed times tick each second while a clip is on its way; otherwise a slow tick only retires finished ones.
  const now = useNow(true, known.some((view) => isOnItsWay(view.state)) ? 1_000 : 30_000);
  const views = visibleActivity(known, dismissed, now);
  const counts = countActivity(views);
  const summary = summaryOf(counts);
  useTabTitle(views.filter((view) => view.authorId === userId && isOnItsWay(view.state)).length);
  useDoneNotices(userId);
  useClipsStartedRefresh();

  const open = wide ? panel === 'open' : sheetOpen;
  const toggle = () => (wide ? setPanel(panel === 'open' ? 'closed' : 'open') : setSheetOpen(!sheetOpen));
  const mayManage = (view: GenerationView) => manageReach === 'any' || (manageReach === 'own' && view.authorId === userId);
  const finished = views.filter((view) => view.state === 'success' || view.state === 'failed');
  const busy = counts.running + counts.queued;
  // On a phone with the sheet closed, the bar itself shows the newest running clip (its prompt and progress).
  const barClip = wide || open ? undefined : newestRunning(views);

  return (
    <>
      <StudioToaster />
      <DockFrame data-testid="activity-panel" data-open={open} data-layout={wide ? 'side' : 'sheet'}>
        {barClip && <ActivityBarProgress view={barClip} now={now} />}
        <button
          type="button"
          aria-expanded={open}
          aria-controls="activity-body"
          onClick={toggle}
          data-testid="activity-toggle"
          className={`flex h-14 shrink-0 items-center gap-3 px-4 text-left hover:bg-raised/60 ${open ? '' : 'lg:justify-center lg:px-0'}`}
        >
          <span className={`relative grid size-7 shrink-0 place-items-center rounded-full ${busy ? 'bg-accent/15 text-accent' : 'bg-raised text-muted'}`} aria-hidden>
            {busy ? <span className="text-xs font-semibold tabular-nums">{busy}</span> : <span className="text-xs">✓</span>}
          </span>
          <span className={`min-w-0 flex-1 ${open ? '' : 'lg:sr-only'}`}>
            <span className="block text-sm font-medium text-ink">Activity</span>
            <span className="block truncate text-xs text-muted tabular-nums" data-testid="activity-summary">
              {summary}
              {barClip && <span className="text-ink/80"> · {shownPrompt(barClip.prompt)}</span>}
            </span>
          </span>
          <span aria-hidden className={`text-muted ${open ? '' : 'lg:hidden'}`}>
            {wide ? '›' : open ? '▾' : '▴'}
          </span>
        </button>
        <div id="activity-body" className={`min-h-0 flex-1 flex-col border-t border-line ${open ? 'flex' : 'hidden'}`}>
          <div className="flex items-center gap-2 px-4 py-2">
            <div role="group" aria-label="Whose clips" className="flex rounded-lg border border-line bg-raised p-0.5 text-xs">
              {activityScopes.map((option) => (
                <button
                  key={option}
                  type="button"
                  aria-pressed={scope === option}
                  onClick={() => setScope(option)}
                  className={`rounded-md px-2.5 py-1 ${scope === option ? 'bg-surface font-medium text-ink shadow-sm' : 'text-muted hover:text-ink'}`}
                >
                  {option === 'mine' ? 'Mine' : 'Team'}
                </button>
              ))}
            </div>
            <button
              type="button"
              aria-pressed={sound === 'on'}
              onClick={() => setSound(sound === 'on' ? 'off' : 'on')}
              className="ml-auto rounded-md px-2 py-1 text-xs text-muted hover:bg-raised hover:text-ink"
              title="A short chime when one of your clips finishes"
            >
              {sound === 'on' ? 'Sound on' : 'Sound off'}
            </button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-4">
            {list.isPending ? (
              <p className="py-6 text-center text-sm text-muted">Loading…</p>
            ) : list.isError ? (
              <p role="status" className="py-6 text-center text-sm text-danger">
                The activity could not be loaded. It tries again by itself.
              </p>
            ) : views.length === 0 ? (
              <div className="space-y-1 py-6 text-center">
                <p className="text-sm font-medium text-ink">Nothing in flight</p>
                <p className="text-xs text-muted">{scope === 'mine' ? 'Clips you start appear here, live, from any page.' : 'Your team’s clips appear here while they render.'}</p>
              </div>
            ) : (
              <ul className="divide-y divide-line" data-testid="activity-list">
                {views.map((view) => (
                  <ActivityItem key={view.id} initial={view} now={now} showAuthor={scope === 'team'} mayManage={mayManage(view)} manage={manage} onDismiss={(id) => dismiss([id])} />
                ))}
              </ul>
            )}
          </div>
          {finished.length > 1 && (
            <div className="border-t border-line px-4 py-2 text-right">
              <button type="button" className="text-xs text-muted hover:text-ink" onClick={() => dismiss(finished.map((view) => view.id))}>
                Clear finished
              </button>
            </div>
          )}
        </div>
      </DockFrame>
    </>
  );
}
