// The activity panel's outer frame, shared by the panel and the placeholder that holds its place while it loads.
import type { ComponentProps } from 'react';

const DOCK_CLASS =
  'fixed inset-x-0 bottom-0 z-20 flex max-h-[70dvh] flex-col border-t border-line bg-surface shadow-[0_-8px_24px_rgba(0,0,0,0.08)] lg:sticky lg:top-14 lg:z-0 lg:h-[calc(100dvh-3.5rem)] lg:max-h-none lg:shrink-0 lg:border-l lg:border-t-0 lg:w-(--activity-width) lg:bg-canvas lg:shadow-none';

/** The panel's `<aside>`, behind a spacer that keeps a phone's page clear of the fixed bar. */
export function DockFrame(props: Omit<ComponentProps<'aside'>, 'aria-label' | 'className'>) {
  return (
    <>
      <div aria-hidden className="h-16 lg:hidden" />
      <aside aria-label="Activity" data-activity-dock className={DOCK_CLASS} {...props} />
    </>
  );
}

/** The panel's frame, the same size as the panel, for the moment before its code has arrived. */
export function DockPlaceholder() {
  return (
    <DockFrame aria-busy="true" data-open="true">
      <div className="flex h-14 shrink-0 items-center gap-3 px-4">
        <span aria-hidden className="size-7 shrink-0 rounded-full bg-raised" />
        <span className="min-w-0 flex-1">
          <span className="block text-sm font-medium text-ink">Activity</span>
          <span className="block text-xs text-muted">Loading…</span>
        </span>
      </div>
    </DockFrame>
  );
}
