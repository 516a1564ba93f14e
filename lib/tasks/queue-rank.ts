let last = 0;

/**
 * A queue rank for a generation stored now: time order, and never equal to another rank from this
 * process (two clips stored in the same millisecond still have a before and after, so they can be
 * swapped). A sub-millisecond random part keeps ranks from different processes apart too.
 */
export function nextQueueRank(now: Date): number {
  last = Math.max(now.getTime(), last + 0.001) + Math.random() * 0.0001;
  return last;
}
