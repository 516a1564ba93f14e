'use client';

import { useEffect } from 'react';
import { titleWithCount } from '@/lib/generation/activity';

/**
 * Keeps "(3) " in front of the tab's title while `count` clips are on their way, and the plain title at 0.
 * Next sets the title on every navigation, so the title element is watched and the count put back.
 */
export function useTabTitle(count: number): void {
  useEffect(() => {
    const apply = () => {
      const next = titleWithCount(document.title, count);
      if (next !== document.title) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [count]);
}
