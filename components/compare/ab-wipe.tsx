'use client';

import Link from 'next/link';
import { type PointerEvent, useRef, useState } from 'react';
import { ClipFrame } from '../clip-frame';
import { SoundToggle } from '../sound-toggle';
import { CompareControls } from './compare-controls';
import type { CompareClip } from './compare-grid';
import { handleCompareKey, useSyncedVideos } from './use-synced-videos';

const corner = 'pointer-events-none absolute top-2 rounded bg-black/60 px-1.5 py-0.5 text-xs font-semibold text-white';

/** Two clips in one frame, A on the left of a divider and B on the right, playing in lockstep. */
export function AbWipe({ a, b }: { a: CompareClip; b: CompareClip }) {
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const sync = useSyncedVideos(videos, `${a.id},${b.id}`);
  const [position, setPosition] = useState(50);

  function follow(event: PointerEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width > 0) setPosition(Math.min(100, Math.max(0, ((event.clientX - box.left) / box.width) * 100)));
  }

  const video = (clip: CompareClip, index: number, style?: { clipPath: string }) => (
    <video
      ref={(element) => {
        videos.current[index] = element;
      }}
      data-testid="compare-video"
      className="absolute inset-0 h-full w-full object-contain"
      style={style}
      src={clip.src}
      muted
      playsInline
      preload="auto"
    />
  );

  return (
    <section aria-label="A/B wipe" tabIndex={0} onKeyDown={(event) => handleCompareKey(event, sync)} className="space-y-3 rounded-card">
      <ClipFrame aspectRatio={a.aspectRatio} fit="natural">
        <div
          data-testid="wipe-frame"
          className="absolute inset-0 cursor-ew-resize touch-none select-none"
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture(event.pointerId);
            follow(event);
          }}
          onPointerMove={(event) => {
            if (event.currentTarget.hasPointerCapture(event.pointerId)) follow(event);
          }}
        >
          {video(a, 0)}
          {video(b, 1, { clipPath: `inset(0 0 0 ${position}%)` })}
          <div aria-hidden className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-white/90 shadow" style={{ left: `${position}%` }}>
            <div className="absolute top-1/2 left-1/2 grid size-7 -translate-x-1/2 -translate-y-1/2 place-items-center rounded-full border-2 border-white bg-black/50 text-xs text-white shadow">
              ↔
            </div>
          </div>
          <span aria-hidden className={`${corner} left-2`}>A</span>
          <span aria-hidden className={`${corner} right-2`}>B</span>
        </div>
        {/* Outside the wipe's frame, so pressing one never moves the divider. */}
        {a.sound && <SoundToggle muted={sync.heard !== 0} onToggle={() => sync.toggleSound(0)} of={`A, ${a.label}`} className="absolute bottom-2 left-2" />}
        {b.sound && <SoundToggle muted={sync.heard !== 1} onToggle={() => sync.toggleSound(1)} of={`B, ${b.label}`} className="absolute bottom-2 right-2" />}
      </ClipFrame>
      <input
        type="range"
        aria-label="Wipe position"
        data-testid="wipe-slider"
        min={0}
        max={100}
        step="any"
        value={position}
        onChange={(event) => setPosition(Number(event.target.value))}
        className="w-full accent-[var(--accent)]"
      />
      <p className="flex flex-wrap justify-between gap-2 text-xs text-muted">
        <span>
          A ·{' '}
          <Link href={a.href} className="font-mono hover:text-ink">
            {a.label}
          </Link>
        </span>
        <span>
          B ·{' '}
          <Link href={b.href} className="font-mono hover:text-ink">
            {b.label}
          </Link>
        </span>
      </p>
      <CompareControls sync={sync} />
    </section>
  );
}
