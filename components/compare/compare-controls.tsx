'use client';

import Link from 'next/link';
import { Button } from '../ui/button';
import type { SyncedVideos } from './use-synced-videos';

/** Seconds as m:ss.t: clips are short, so tenths matter when lining frames up. */
function formatTime(seconds: number): string {
  const tenths = Math.floor(seconds * 10);
  const rest = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return `${Math.floor(tenths / 600)}:${rest}`;
}

const small = 'h-8 px-3 text-xs';
const pressed = (on: boolean) => (on ? 'border-accent text-accent' : '');

/** The one control bar every compared clip answers to. */
export function CompareControls({ sync }: { sync: SyncedVideos }) {
  const { playing, time, duration, loop } = sync;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-card border border-line bg-surface p-2">
      <Button variant="primary" className={`${small} w-16`} data-testid="compare-play" onClick={sync.toggle}>
        {playing ? 'Pause' : 'Play'}
      </Button>
      <input
        type="range"
        aria-label="Seek"
        data-testid="compare-seek"
        data-seek=""
        min={0}
        max={duration}
        step="any"
        value={Math.min(time, duration)}
        disabled={!duration}
        onChange={(event) => sync.seek(Number(event.target.value))}
        className="min-w-32 flex-1 accent-[var(--accent)]"
      />
      <span className="font-mono text-xs tabular-nums text-muted">
        {formatTime(time)} / {formatTime(duration)}
      </span>
      <Button aria-pressed={loop} className={`${small} ${pressed(loop)}`} onClick={() => sync.setLoop(!loop)}>
        Loop
      </Button>
    </div>
  );
}

/** Side by side, or one frame with a wipe between A and B (two clips only). */
export function CompareModeLinks({ ids, wipe }: { ids: string[]; wipe: boolean }) {
  const base = `/compare?ids=${ids.join(',')}`;
  const tab = (active: boolean) => `rounded-md px-3 py-1.5 text-sm transition ${active ? 'bg-surface text-ink shadow-sm' : 'text-muted hover:text-ink'}`;
  return (
    <nav aria-label="Compare mode" className="flex rounded-lg border border-line bg-raised p-0.5">
      <Link href={base} className={tab(!wipe)} aria-current={!wipe ? 'page' : undefined}>
        Side by side
      </Link>
      <Link href={`${base}&view=wipe`} className={tab(wipe)} aria-current={wipe ? 'page' : undefined} data-testid="wipe-mode">
        A/B wipe
      </Link>
    </nav>
  );
}
