// Generic in-process concurrency helpers: nothing here knows what the tasks are.

/** Runs at most `max` tasks at once; the rest wait their turn in order. */
export function semaphore(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/** At most one running call per key in this process; later callers share the running promise. */
export function singleFlight<T>(): (key: string, run: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key, run) => {
    const existing = running.get(key);
    if (existing) return existing;
    const promise = run().finally(() => running.delete(key));
    running.set(key, promise);
    return promise;
  };
}

/**
 * Runs `task` one at a time. A call made while a run is under way asks for one more run after it,
 * and resolves only when a run that started after the call has finished, so no request is missed.
 */
export function coalescing(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again: Promise<void> | undefined;

  const start = (): Promise<void> => {
    running = task().finally(() => {
      running = undefined;
    });
    return running;
  };

  return () => {
    if (!running) return start();
    again ??= running.then(
      () => {
        again = undefined;
        return start();
      },
      () => {
        again = undefined;
        return start();
      },
    );
    return again;
  };
}
