import type { KeyboardEvent } from 'react';
import type { SyncedVideos } from './use-synced-videos';

const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1 };

/** Space plays or pauses and the arrows seek a second, wherever focus is in a comparison. */
export function handleCompareKey(event: KeyboardEvent<HTMLElement>, sync: SyncedVideos) {
  const target = event.target;
  if (event.key === ' ') {
    // A focused button already answers Space with a click.
    if (target instanceof HTMLButtonElement) return;
    event.preventDefault();
    sync.toggle();
    return;
  }
  const step = steps[event.key];
  // Other sliders (the wipe) keep their own arrows; the seek bar's become whole seconds.
  if (!step || (target instanceof HTMLInputElement && target.dataset.seek === undefined)) return;
  event.preventDefault();
  sync.seek(sync.time + step);
}
