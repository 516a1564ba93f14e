import type { StatsRecorder } from './stats';
import type { PendingCallback, TaskJournal } from './task-journal';
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
  journal: TaskJournal;
  /** Checked at each delivery, so switching the fault on also silences tasks already running. */
  suppressed: () => boolean;
}

export function createCallbackSender({ store, timeScale, now, stats, journal, suppressed }: CallbackSenderOptions) {
  const timers = new Set<NodeJS.Timeout>();
  const aborter = new AbortController();

  function later(delayMs: number, run: () => Promise<void>): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void run();
    }, Math.max(0, delayMs));
    timers.add(timer);
  }

  /** Waits for the attempt's due time and for the task to finish, then delivers. */
  function arm(task: Task, { url, attempt, dueAt }: PendingCallback): void {
    later(dueAt - now(), async () => {
      await task.settled;
      const { completeTime = 0 } = store.describe(task, Number.POSITIVE_INFINITY);
      later(completeTime - now(), () => deliver(task, url, attempt));
    });
  }

  /** Journalled before it is armed, so a restart still delivers (at least once) what was owed. */
  function plan(task: Task, pending: PendingCallback | null): void {
    journal.callback(task.taskId, pending);
    if (pending) arm(task, pending);
  }

  async function deliver(task: Task, url: string, attempt: number): Promise<void> {
    if (aborter.signal.aborted) return;
    if (suppressed()) {
      stats.callbackSuppressed();
      return plan(task, null);
    }
    const body = JSON.stringify({ code: 200, message: 'success', data: store.describe(task, Number.POSITIVE_INFINITY) });
    const ok = await post(url, body);
    if (aborter.signal.aborted) return;
    stats.callbackAttempt(ok);
    const retryDelay = CALLBACK_RETRY_DELAYS_MS[attempt];
    if (ok || retryDelay === undefined) return plan(task, null);
    plan(task, { url, attempt: attempt + 1, dueAt: now() + retryDelay * timeScale });
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
      plan(task, { url, attempt: 0, dueAt: task.createTime + task.generationMs });
    },
    /** Picks up a delivery an earlier run still owed, on its original schedule. */
    resume: arm,
    close(): void {
      aborter.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type CallbackSender = ReturnType<typeof createCallbackSender>;
