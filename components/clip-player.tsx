'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { claimSound, releaseSound } from './heard-player';
import { stillPreferred } from './reduced-motion';
import { SoundToggle } from './sound-toggle';

/**
 * When a clip starts playing: `idle` — by itself (muted, looping) once the page has settled, so its media
 * pipeline does not compete with the page's first paint and hydration; `hover` — while the pointer is over it.
 */
export type PlayStart = 'idle' | 'hover';

/**
 * Whether the browser's own controls show: `always` — a page's one player; `engaged` — a clip among many shows
 * them once it is pointed at, focused or touched.
 */
export type ControlsShown = 'always' | 'engaged';

type Props = {
  src: string;
  poster?: string;
  start: PlayStart;
  controls: ControlsShown;
  testId: string;
  /** The clip has sound: it still starts muted (browsers refuse sound before a gesture), with an Unmute over it. */
  sound?: boolean;
};

/**
 * A clip: its still (an image) until it is to play, then the video in the same frame. A <video> costs the page
 * far more than an image before it shows a single frame (a media element and its shadow tree to style and lay
 * out, more again with native controls), so a grid of clips paints as a grid of stills.
 */
export function ClipPlayer({ src, poster, start, controls, testId, sound = false }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  // Without a still the video is its own placeholder.
  const [live, setLive] = useState(!poster);
  const [playing, setPlaying] = useState(false);
  const [engaged, setEngaged] = useState(controls === 'always');
  const [muted, setMuted] = useState(true);
  // Focus that reached the still moves on to the video that replaces it.
  const focusVideo = useRef(false);

  useEffect(() => {
    if (start !== 'idle') return;
    const begin = () => {
      setLive(true);
      setPlaying(true);
    };
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(begin, 300);
      return () => window.clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(begin, { timeout: 1_500 });
    return () => window.cancelIdleCallback(handle);
  }, [start]);

  useEffect(() => {
    // Only once the video is there: a focus that came during hydration is replayed before the first effects run.
    if (!live || !focusVideo.current) return;
    focusVideo.current = false;
    video.current?.focus();
  }, [live]);

  useEffect(() => {
    const element = video.current;
    if (!live || !element) return;
    if (!playing) {
      element.pause();
      return;
    }
    element.preload = 'auto';
    // Refused (a browser that blocks autoplay): the controls come with the first touch.
    element.play().catch(() => undefined);
  }, [live, playing]);

  // Another player unmuted on the page: this one falls quiet.
  const silence = useCallback(() => {
    if (video.current) video.current.muted = true;
    setMuted(true);
  }, []);
  useEffect(() => () => releaseSound(silence), [silence]);
  const heardNow = (quiet: boolean) => (quiet ? releaseSound(silence) : claimSound(silence));

  const engage = () => {
    setLive(true);
    setEngaged(true);
  };
  // Inside the click itself: unmuting outside a gesture would make the browser pause the clip.
  const toggleSound = () => {
    const next = !muted;
    setMuted(next);
    heardNow(next);
    engage();
    if (video.current) video.current.muted = next;
    // Someone listening keeps it playing (a still starts playing, with its sound).
    if (!next) setPlaying(true);
  };
  return (
    <div
      className="absolute inset-0"
      onPointerEnter={() => {
        engage();
        if (start === 'hover' && !stillPreferred()) setPlaying(true);
      }}
      onPointerLeave={() => {
        // A clip someone unmuted is being listened to: it plays on when the pointer leaves.
        if (start === 'hover' && muted) setPlaying(false);
      }}
      onPointerDown={engage}
    >
      {live ? (
        <video
          ref={video}
          data-testid={testId}
          className="h-full w-full object-contain"
          src={src}
          poster={poster}
          controls={engaged}
          // Without its controls the clip is still reachable from the keyboard: focusing it brings them.
          tabIndex={engaged ? undefined : 0}
          onFocus={engage}
          muted={muted}
          // The browser's own controls can mute too: the toggle follows them.
          onVolumeChange={(event) => {
            setMuted(event.currentTarget.muted);
            heardNow(event.currentTarget.muted);
          }}
          loop
          playsInline
          preload="none"
        />
      ) : (
        <button
          type="button"
          aria-label="Play the clip"
          className="block h-full w-full"
          onFocus={() => {
            focusVideo.current = true;
            engage();
          }}
          onClick={() => {
            engage();
            setPlaying(true);
          }}
        >
          <img data-testid={`${testId}-still`} src={poster} alt="" className="h-full w-full object-contain" decoding="async" />
        </button>
      )}
      {sound && <SoundToggle muted={muted} onToggle={toggleSound} />}
    </div>
  );
}
