'use client';

import { useCallback, useSyncExternalStore } from 'react';

// Small per-browser preferences in localStorage, the same in every tab (the storage event) and this one.

const local = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  local.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    local.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** One preference among `allowed`, `fallback` until set (and on the server). */
export function usePref<T extends string>(key: string, fallback: T, allowed: readonly T[]): [T, (value: T) => void] {
  const raw = useSyncExternalStore(subscribe, () => read(key), () => null);
  const value = allowed.find((option) => option === raw) ?? fallback;
  const set = useCallback(
    (next: T) => {
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Private mode without storage: the choice lasts for this page only.
      }
      for (const listener of local) listener();
    },
    [key],
  );
  return [value, set];
}

export const SOUND_PREF = 'wan-studio:done-sound';
/** The sound preference outside React (the announcer reads it when a clip finishes). */
export const soundIsOn = () => read(SOUND_PREF) !== 'off';
