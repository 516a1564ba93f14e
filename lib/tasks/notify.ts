import 'server-only';
import { EventEmitter } from 'node:events';

// One emitter per server process, surviving dev reloads. Another process's changes reach watchers
// through their wait's deadline instead (the row is re-read then).
const holder = globalThis as typeof globalThis & { __wanChanges?: EventEmitter };

function emitter(): EventEmitter {
  if (!holder.__wanChanges) {
    holder.__wanChanges = new EventEmitter();
    holder.__wanChanges.setMaxListeners(0);
  }
  return holder.__wanChanges;
}

/** Something a watcher may show has changed on this generation's row. */
export function notifyChanged(id: string): void {
  emitter().emit(id);
}

/** Resolves when any of `ids` changes, after `timeoutMs`, or when `signal` aborts; whichever is first. */
export function waitForChange(ids: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const events = emitter();
    const done = () => {
      clearTimeout(timer);
      for (const id of ids) events.off(id, done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, timeoutMs));
    for (const id of ids) events.once(id, done);
    signal?.addEventListener('abort', done);
  });
}
