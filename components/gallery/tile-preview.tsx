'use client';

import { useEffect, useRef, useState } from 'react';
import { stillPreferred } from '../reduced-motion';

type Props = {
  videoUrl: string;
  posterUrl: string;
  /** Hovered or focused: play (muted, looping) unless the person asked for less motion. */
  active: boolean;
  /** In the first row: the poster is what the page's largest paint waits for. */
  firstRow: boolean;
};

/**
 * A tile's picture: the poster as a real image, and the archived clip playing over it while the tile is
 * hovered or focused. No video byte is asked for before the first hover; leaving pauses and rewinds it.
 */
export function TilePreview({ videoUrl, posterUrl, active, firstRow }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [mounted, setMounted] = useState(false);
  const [showing, setShowing] = useState(false);
  // The video element exists from the first hover on (never on the server, where nothing is active).
  if (active && !mounted && !stillPreferred()) setMounted(true);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    if (active && !stillPreferred()) {
      // A play() cut short by leaving again rejects; there is nothing to recover.
      element.play().catch(() => undefined);
      return;
    }
    element.pause();
    element.currentTime = 0;
  }, [active, mounted]);

  return (
    <>
      <img
        src={posterUrl}
        alt=""
        loading={firstRow ? 'eager' : 'lazy'}
        fetchPriority={firstRow ? 'high' : 'auto'}
        decoding="async"
        className="absolute inset-0 h-full w-full object-contain"
      />
      {mounted && (
        <video
          ref={video}
          data-testid="tile-video"
          className={`absolute inset-0 h-full w-full object-contain transition-opacity duration-150 ${showing ? 'opacity-100' : 'opacity-0'}`}
          src={videoUrl}
          muted
          loop
          playsInline
          preload="none"
          disablePictureInPicture
          onPlaying={() => setShowing(true)}
          onPause={() => setShowing(false)}
        />
      )}
    </>
  );
}
