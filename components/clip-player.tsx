'use client';

import { useEffect, useRef } from 'react';
import { stillPreferred } from './reduced-motion';

/**
 * When a clip starts playing: `idle` — by itself (muted, looping) once the page has settled, so its media
 * pipeline does not compete with the page's first paint and hydration; `hover` — while the pointer is over it;
 * either way its still shows first and its controls are there from the start.
 */
export type PlayStart = 'idle' | 'hover';

export function ClipPlayer({ src, poster, start, testId }: { src: string; poster?: string; start: PlayStart; testId: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (start !== 'idle' || !element) return;
    const begin = () => {
      element.preload = 'auto';
      // Refused (a browser that blocks autoplay): the controls are there.
      element.play().catch(() => undefined);
    };
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(begin, 300);
      return () => window.clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(begin, { timeout: 1_500 });
    return () => window.cancelIdleCallback(handle);
  }, [start]);
  const hover =
    start === 'hover'
      ? {
          onPointerEnter: () => void (!stillPreferred() && video.current?.play().catch(() => undefined)),
          onPointerLeave: () => video.current?.pause(),
        }
      : {};
  return (
    <video
      ref={video}
      data-testid={testId}
      className="absolute inset-0 h-full w-full object-contain"
      src={src}
      poster={poster}
      controls
      muted
      loop
      playsInline
      preload="none"
      {...hover}
    />
  );
}
