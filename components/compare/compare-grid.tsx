'use client';

import Link from 'next/link';
import { useRef } from 'react';
import { ClipFrame } from '../clip-frame';
import { SoundToggle } from '../sound-toggle';
import { CompareControls } from './compare-controls';
import { handleCompareKey, useSyncedVideos } from './use-synced-videos';

/** `sound`: the clip has a soundtrack, so it gets its own Unmute (one clip is heard at a time). */
export type CompareClip = { id: string; src: string; aspectRatio: string; label: string; href: string; sound: boolean };

/** Columns that keep 2–16 tiles large enough to judge; literal class names so Tailwind sees them. */
function columnsFor(count: number): string {
  if (count <= 2 || count === 4) return 'sm:grid-cols-2';
  if (count <= 9) return 'sm:grid-cols-2 lg:grid-cols-3';
  return 'sm:grid-cols-3 lg:grid-cols-4';
}

/** Several clips playing in lockstep under one control bar. */
export function CompareGrid({ clips }: { clips: CompareClip[] }) {
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const sync = useSyncedVideos(videos, clips.map((clip) => clip.id).join());
  // Clips of one shape keep it; mixed shapes share a calm 16:9 frame.
  const fit = clips.every((clip) => clip.aspectRatio === clips[0]?.aspectRatio) ? 'natural' : 'card';
  return (
    <section aria-label="Compared clips" tabIndex={0} onKeyDown={(event) => handleCompareKey(event, sync)} className="space-y-3 rounded-card">
      <ul className={`grid grid-cols-1 gap-3 ${columnsFor(clips.length)}`}>
        {clips.map((clip, index) => (
          <li key={clip.id} className="space-y-1.5">
            <ClipFrame aspectRatio={clip.aspectRatio} fit={fit}>
              <video
                ref={(element) => {
                  videos.current[index] = element;
                }}
                data-testid="compare-video"
                className="absolute inset-0 h-full w-full cursor-pointer object-contain"
                src={clip.src}
                muted
                playsInline
                preload="auto"
                onClick={sync.toggle}
              />
              {clip.sound && <SoundToggle muted={sync.heard !== index} onToggle={() => sync.toggleSound(index)} of={clip.label} />}
            </ClipFrame>
            <Link href={clip.href} className="font-mono text-xs text-muted hover:text-ink">
              {clip.label}
            </Link>
          </li>
        ))}
      </ul>
      <CompareControls sync={sync} />
    </section>
  );
}
