'use client';

import { useEffect, useRef, useState } from 'react';

export type ChainClip = { id: string; src: string; label: string };

/**
 * The shots back to back. Two players take turns: while one plays shot n, the other has shot n + 1 loaded and
 * waiting at its first frame, so the cut from one shot to the next is a swap, not a load.
 */
export function ChainPlayer({ clips, aspectRatio }: { clips: ChainClip[]; aspectRatio: string }) {
  const first = useRef<HTMLVideoElement>(null);
  const second = useRef<HTMLVideoElement>(null);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  // Muted until asked: browsers refuse sound before a gesture, and the button is that gesture.
  const [muted, setMuted] = useState(true);
  // Shot n plays on player n % 2; the other holds the next shot (or, at the end, the same one).
  const front = index % 2;
  // At the last shot the other player keeps the first one ready, so playing again starts at once.
  const srcOf = (which: number) => (which === front ? clips[index]?.src : (clips[index + 1]?.src ?? clips[0]?.src));
  const playerOf = (which: number) => (which === 0 ? first.current : second.current);

  useEffect(() => {
    const player = index % 2 === 0 ? first.current : second.current;
    if (!playing || !player) return;
    player.currentTime = player.ended ? 0 : player.currentTime;
    player.play().catch(() => setPlaying(false));
  }, [index, playing]);

  const ended = (which: number) => {
    if (which !== front) return;
    if (index + 1 < clips.length) setIndex(index + 1);
    else setPlaying(false);
  };

  const toggle = () => {
    if (playing) {
      playerOf(front)?.pause();
      return setPlaying(false);
    }
    // From the end, the chain starts again from shot 1.
    if (index === clips.length - 1 && playerOf(front)?.ended) setIndex(0);
    setPlaying(true);
  };

  if (clips.length === 0) return null;
  return (
    <figure className="space-y-3" data-testid="chain-player">
      <div className="relative overflow-hidden rounded-card bg-black" style={{ aspectRatio: aspectRatio.replace(':', ' / ') }}>
        {[0, 1].map((which) => (
          <video
            key={which}
            ref={which === 0 ? first : second}
            src={srcOf(which)}
            muted={muted || which !== front}
            playsInline
            preload="auto"
            data-testid="chain-video"
            data-front={which === front ? 'true' : 'false'}
            className={`absolute inset-0 size-full object-contain ${which === front ? 'opacity-100' : 'opacity-0'}`}
            onEnded={() => ended(which)}
          />
        ))}
      </div>
      <figcaption className="flex flex-wrap items-center gap-3 text-sm">
        <button type="button" className="h-9 rounded-lg bg-accent px-4 font-medium text-accent-ink" onClick={toggle} data-testid="chain-play">
          {playing ? 'Pause' : 'Play all'}
        </button>
        <button type="button" className="h-9 rounded-lg border border-line px-3 text-ink" onClick={() => setMuted(!muted)} aria-pressed={!muted} data-testid="chain-sound">
          {muted ? 'Unmute' : 'Mute'}
        </button>
        <span className="text-muted" aria-live="polite" data-testid="chain-now">
          {clips[index]?.label}, {index + 1} of {clips.length}
        </span>
      </figcaption>
    </figure>
  );
}
