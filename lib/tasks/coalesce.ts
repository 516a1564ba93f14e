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
