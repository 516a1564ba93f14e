'use client';

import { useEffect, useRef, useState } from 'react';
import { stillPreferred } from './reduced-motion';

/**
 * When a clip starts playing: `idle` — by itself (muted, looping) once the page has settled, so its media
 * pipeline does not compete with the page's first paint and hydration; `hover` — while the pointer is over it.
 * Either way its still shows first.
 */
export type PlayStart = 'idle' | 'hover';

/**
 * Whether the browser's own controls show: `always` — a page's one player; `engaged` — a clip among many shows
 * them once it is pointed at, focused or touched. Each set of native controls is a shadow tree of its own that
 * the browser styles and lays out, so a grid of clips would pay for a dozen of them before anyone looks.
 */
export type ControlsShown = 'always' | 'engaged';

type Props = { src: string; poster?: string; start: PlayStart; controls: ControlsShown; testId: string };

export function ClipPlayer({ src, poster, start, controls, testId }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [engaged, setEngaged] = useState(controls === 'always');
  useEffect(() => {
    const element = video.current;
    if (start !== 'idle' || !element) return;
    const begin = () => {
      element.preload = 'auto';
      // Refused (a browser that blocks autoplay): the controls come with the first touch.
      element.play().catch(() => undefined);
    };
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(begin, 300);
      return () => window.clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(begin, { timeout: 1_500 });
    return () => window.cancelIdleCallback(handle);
  }, [start]);
  const engage = () => setEngaged(true);
  return (
    <video
      ref={video}
      data-testid={testId}
      className="absolute inset-0 h-full w-full object-contain"
      src={src}
      poster={poster}
      controls={engaged}
      // Without its controls the clip is still reachable from the keyboard: focusing it brings them.
      tabIndex={engaged ? undefined : 0}
      muted
      loop
      playsInline
      preload="none"
      onFocus={engage}
      onPointerDown={engage}
      onPointerEnter={() => {
        engage();
        if (start === 'hover' && !stillPreferred()) video.current?.play().catch(() => undefined);
      }}
      onPointerLeave={() => {
        if (start === 'hover') video.current?.pause();
      }}
    />
  );
}
