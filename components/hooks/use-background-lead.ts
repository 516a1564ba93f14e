'use client';

import { useEffect, useState } from 'react';

const LOCK = 'wan-studio:background-watch';

/**
 * True in exactly one tab of the browser (the oldest open one): the tab that keeps its long poll going while
 * hidden, so a clip finishing while the person is elsewhere is still announced. Other hidden tabs pause
 * theirs (browsers allow few connections per site). The Web Lock passes to the next tab when this one closes.
 */
export function useBackgroundLead(): boolean {
  const [lead, setLead] = useState(false);
  useEffect(() => {
    if (typeof navigator === 'undefined' || !navigator.locks) return;
    const release = new AbortController();
    navigator.locks
      .request(LOCK, { signal: release.signal }, () => {
        setLead(true);
        return new Promise<void>((resolve) => release.signal.addEventListener('abort', () => resolve()));
      })
      .catch(() => undefined);
    return () => {
      release.abort();
      setLead(false);
    };
  }, []);
  return lead;
}
