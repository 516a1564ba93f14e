'use client';

import { type KeyboardEvent, type RefObject, useCallback, useEffect, useState } from 'react';
import { mutedIn, toggleVoice, voiceFor, type Voice } from './one-voice';

/** A follower further than this from the leader is put back in step. */
const DRIFT_S = 0.05;

export type SyncedVideos = {
  playing: boolean;
  /** The leader's position, in seconds. */
  time: number;
  /** The longest clip's length, in seconds; 0 until one has loaded. */
  duration: number;
  loop: boolean;
  /** The one clip heard (its index), or null: every clip muted. */
  heard: Voice;
  play: () => void;
  pause: () => void;
  toggle: () => void;
  seek: (time: number) => void;
  setLoop: (loop: boolean) => void;
  /** Unmutes this clip and mutes every other, or mutes it if it is the one heard. */
  toggleSound: (index: number) => void;
};

function lengthOf(video: HTMLVideoElement): number {
  return Number.isFinite(video.duration) ? video.duration : 0;
}

function all(videos: RefObject<(HTMLVideoElement | null)[]>): HTMLVideoElement[] {
  return videos.current.filter((video): video is HTMLVideoElement => video !== null);
}

function applyVoice(videos: RefObject<(HTMLVideoElement | null)[]>, heard: Voice) {
  videos.current.forEach((video, index) => {
    if (video) video.muted = mutedIn(heard, index);
  });
}

// Shorter clips are clamped to their own length, so they hold their last frame until the leader loops.
function seekAll(videos: HTMLVideoElement[], to: number) {
  for (const video of videos) video.currentTime = Math.min(to, lengthOf(video) || to);
}

/** Starts a video; `onRefused` runs only if it really stayed paused (a later play() may have won the race). */
function start(video: HTMLVideoElement, onRefused?: () => void) {
  video.play().catch(() => {
    if (video.paused) onRefused?.();
  });
}

/**
 * Plays several videos as one. The longest is the leader and the others follow its clock.
 * `identity` must change whenever the set of videos does (their ids joined is enough).
 */
export function useSyncedVideos(videos: RefObject<(HTMLVideoElement | null)[]>, identity: string): SyncedVideos {
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [leader, setLeader] = useState<HTMLVideoElement | null>(null);
  const [loop, setLoop] = useState(true);
  const [chosen, setChosen] = useState<{ identity: string; heard: Voice }>({ identity, heard: null });
  const heard = voiceFor(chosen, identity);

  useEffect(() => {
    const list = all(videos);
    const measure = () => {
      const longest = list.reduce<HTMLVideoElement | null>((best, video) => (best && lengthOf(best) >= lengthOf(video) ? best : video), null);
      // The clip heard keeps the clock when it is as long as the longest: its sound is never pulled back in step.
      const voice = heard === null ? null : videos.current[heard];
      const lead = voice && longest && lengthOf(voice) >= lengthOf(longest) - DRIFT_S ? voice : longest;
      setLeader(lead);
      setDuration(longest ? lengthOf(longest) : 0);
    };
    for (const video of list) {
      video.addEventListener('loadedmetadata', measure);
      video.addEventListener('durationchange', measure);
    }
    // Metadata may have arrived before this effect ran (a cached clip).
    const frame = requestAnimationFrame(measure);
    return () => {
      cancelAnimationFrame(frame);
      for (const video of list) {
        video.removeEventListener('loadedmetadata', measure);
        video.removeEventListener('durationchange', measure);
      }
    };
  }, [videos, identity, heard]);

  // Videos that mount later (a new set) take the current voice too.
  useEffect(() => applyVoice(videos, heard), [videos, identity, heard]);

  const toggleSound = useCallback(
    (index: number) => {
      const next = toggleVoice(heard, index);
      // Inside the click: a browser pauses a clip unmuted outside a gesture.
      applyVoice(videos, next);
      setChosen({ identity, heard: next });
    },
    [videos, identity, heard],
  );

  const play = useCallback(() => {
    if (leader && leader.currentTime >= lengthOf(leader) - DRIFT_S) seekAll(all(videos), 0);
    const at = leader?.currentTime ?? 0;
    for (const video of all(videos)) {
      if (video === leader) start(video, () => setPlaying(false));
      else if (!lengthOf(video) || at < lengthOf(video)) start(video);
    }
    setPlaying(true);
  }, [videos, leader]);

  const pause = useCallback(() => {
    for (const video of all(videos)) video.pause();
    const at = leader?.currentTime ?? 0;
    for (const video of all(videos)) if (video !== leader) video.currentTime = Math.min(at, lengthOf(video) || at);
    setTime(at);
    setPlaying(false);
  }, [videos, leader]);

  const toggle = useCallback(() => (playing ? pause() : play()), [playing, pause, play]);

  const seek = useCallback(
    (to: number) => {
      const at = Math.min(Math.max(0, to), duration);
      seekAll(all(videos), at);
      setTime(at);
    },
    [videos, duration],
  );

  useEffect(() => {
    if (!playing || !leader) return;
    let frame = 0;
    const tick = () => {
      if (leader.ended) {
        if (!loop) {
          setTime(lengthOf(leader));
          setPlaying(false);
          return;
        }
        seekAll(all(videos), 0);
        for (const video of all(videos)) start(video);
      } else if (leader.paused) {
        // Paused from outside (media keys, picture-in-picture): follow it rather than fight it.
        for (const video of all(videos)) video.pause();
        setPlaying(false);
        return;
      }
      const at = leader.currentTime;
      const stalled = leader.readyState < HTMLMediaElement.HAVE_FUTURE_DATA;
      for (const video of all(videos)) {
        const end = lengthOf(video);
        if (video === leader || !end || video.seeking) continue;
        const target = Math.min(at, end);
        if (Math.abs(video.currentTime - target) > DRIFT_S) video.currentTime = target;
        if (target === end) continue;
        // Followers wait while the leader buffers instead of running ahead and being pulled back every frame.
        if (stalled && !video.paused) video.pause();
        else if (!stalled && video.paused) start(video);
      }
      setTime(at);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, leader, loop, videos]);

  return { playing, time, duration, loop, heard, play, pause, toggle, seek, setLoop, toggleSound };
}

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
