import 'server-only';
import { EventEmitter } from 'node:events';

// One emitter per server process, surviving dev reloads. Another process's changes reach watchers
// through their wait's deadline instead (the rows are re-read then).
const holder = globalThis as typeof globalThis & { __wanChanges?: EventEmitter; __wanQueueVersion?: number; __wanTeamActivity?: Map<string, number> };

function emitter(): EventEmitter {
  if (!holder.__wanChanges) {
    holder.__wanChanges = new EventEmitter();
    holder.__wanChanges.setMaxListeners(0);
  }
  return holder.__wanChanges;
}

/** Something a watcher may show has changed on this generation's row. */
export function notifyChanged(id: string): void {
  emitter().emit(id, id);
}

// Emitted when the send order may have changed for everyone waiting: clips stored, sent, moved or cancelled.
const QUEUE_MOVED = 'queue-moved';

/** The send order moved: every watcher of a queued clip should look at its place again. */
export function notifyQueueMoved(): void {
  holder.__wanQueueVersion = queueVersion() + 1;
  emitter().emit(QUEUE_MOVED, QUEUE_MOVED);
}

/** Goes up on every `notifyQueueMoved` in this process: queue places computed at one version hold until the next. */
export function queueVersion(): number {
  return holder.__wanQueueVersion ?? 0;
}

// Per team, when it last stored a new clip (ms, never backwards): the activity panel's Team view reads its list
// again when this passes what it saw. Kept in memory only: a clip stored by another process reaches the
// panel on its list's own refresh.
const teamActivity = (holder.__wanTeamActivity ??= new Map<string, number>());
const teamEvent = (teamId: string) => `team-activity:${teamId}`;

/** A member of this team stored new clips: every watcher of the team's activity should read its list again. */
export function notifyTeamActivity(teamId: string): void {
  teamActivity.set(teamId, Math.max(Date.now(), (teamActivity.get(teamId) ?? 0) + 1));
  emitter().emit(teamEvent(teamId), teamId);
}

/** The team's activity version as this process knows it (0: nothing stored since it started). */
export function teamActivityVersion(teamId: string): number {
  return teamActivity.get(teamId) ?? 0;
}

/**
 * Waits until any of `ids` changes, then a further `settleMs` to gather changes that come together
 * (a sweep finishes many tasks at once), or until `timeoutMs` / `signal`. Resolves with the ids that
 * changed; an empty set means the wait timed out. With `queued`, a move of the send order counts as a change of all of them;
 * with `team`, new clips of that team end the wait too (the caller compares `teamActivityVersion`).
 */
export function waitForChanges(
  ids: readonly string[],
  { timeoutMs, settleMs, queued = false, team }: { timeoutMs: number; settleMs: number; queued?: boolean; team?: string },
  signal?: AbortSignal,
): Promise<Set<string>> {
  return new Promise((resolve) => {
    const events = emitter();
    const changed = new Set<string>();
    let settle: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(settle);
      for (const id of ids) events.off(id, onChange);
      events.off(QUEUE_MOVED, onQueueMoved);
      if (team) events.off(teamEvent(team), onTeamActivity);
      signal?.removeEventListener('abort', done);
      resolve(changed);
    };
    const onChange = (id: string) => {
      changed.add(id);
      settle ??= setTimeout(done, settleMs);
    };
    const onQueueMoved = () => {
      for (const id of ids) onChange(id);
    };
    const onTeamActivity = () => {
      settle ??= setTimeout(done, settleMs);
    };
    const timer = setTimeout(done, Math.max(0, timeoutMs));
    for (const id of ids) events.on(id, onChange);
    if (queued) events.on(QUEUE_MOVED, onQueueMoved);
    if (team) events.on(teamEvent(team), onTeamActivity);
    signal?.addEventListener('abort', done);
  });
}
