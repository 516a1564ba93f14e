'use client';

import { useSyncExternalStore } from 'react';
import { formatDate } from './format';

const noChanges = () => () => undefined;

/**
 * An instant in the reader's own time zone. The server cannot know that zone, so it writes UTC (and says so);
 * the browser hydrates with the same UTC text (no mismatch, no client re-render of the tree) and then shows local time.
 */
export function LocalTime({ ms }: { ms: number }) {
  const text = useSyncExternalStore(
    noChanges,
    () => formatDate(ms, 'local'),
    () => formatDate(ms, 'UTC'),
  );
  return <time dateTime={new Date(ms).toISOString()}>{text}</time>;
}
