import type { StatsRecorder } from './stats';
import type { Task, TaskStore } from './task-store';

/** The documented retry schedule after a failed delivery: three retries, the first after 30 s. */
export const CALLBACK_RETRY_DELAYS_MS = [30_000, 60_000, 120_000] as const;
/** The receiver's documented deadline; not scaled, since a slow receiver is slow in real time. */
export const CALLBACK_TIMEOUT_MS = 30_000;

export interface CallbackSenderOptions {
  store: TaskStore;
  timeScale: number;
  now: () => number;
  stats: StatsRecorder;
  /** Checked at each delivery, so switching the fault on also silences tasks already running. */
  suppressed: () => boolean;
}

export function createCallbackSender({ store, timeScale, now, stats, suppressed }: CallbackSenderOptions) {
  const timers = new Set<NodeJS.Timeout>();
  const aborter = new AbortController();

  function later(delayMs: number, run: () => Promise<void>): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void run();
    }, Math.max(0, delayMs));
    timers.add(timer);
  }

  async function deliver(task: Task, url: string, attempt: number): Promise<void> {
    if (aborter.signal.aborted) return;
    if (suppressed()) return stats.callbackSuppressed();
    const body = JSON.stringify({ code: 200, message: 'success', data: store.describe(task, Number.POSITIVE_INFINITY) });
    const ok = await post(url, body);
    if (aborter.signal.aborted) return;
    stats.callbackAttempt(ok);
    if (ok) return;
    const retryDelay = CALLBACK_RETRY_DELAYS_MS[attempt];
    if (retryDelay !== undefined) later(retryDelay * timeScale, () => deliver(task, url, attempt + 1));
  }

  async function post(url: string, body: string): Promise<boolean> {
    try {
      const signal = AbortSignal.any([aborter.signal, AbortSignal.timeout(CALLBACK_TIMEOUT_MS)]);
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal });
      await response.body?.cancel();
      return response.status === 200;
    } catch {
      return false;
    }
  }

  return {
    /** Posts the final status once the task has finished, whenever that turns out to be. */
    schedule(task: Task, url: string): void {
      later(task.createTime + task.generationMs - now(), async () => {
        await task.settled;
        const { completeTime = 0 } = store.describe(task, Number.POSITIVE_INFINITY);
        later(completeTime - now(), () => deliver(task, url, 0));
      });
    },
    close(): void {
      aborter.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type CallbackSender = ReturnType<typeof createCallbackSender>;
