import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { getNextDueAt, listDueGenerationIds, listSuccessesWithoutArchive, listUnarchivedSuccessIds } from '@/db/queries/tracker';
import { markStaleSendsUnknown } from '@/db/queries/queue';
import { getVideoStore } from '@/lib/storage/video-storage';
import { purgeTrashed, trashExpiry } from '@/lib/gallery/trash';
import { RESULT_URL_LIFETIME_MS } from '@/lib/generation/timings';
import { archiveGeneration } from '@/lib/storage/archive';
import { trackerDeps } from './deps';
import { dispatchQueued } from './dispatch';
import { notifyChanged } from './notify';
import { refreshIfDue } from './refresh';
import { log } from '@/lib/ops/log';

const MAX_SLEEP_MS = 1_000;
/** Tasks falling due within this window are refreshed together. */
const MIN_SLEEP_MS = 50;
/** Queue, crash recovery and archives are looked at this often; due refreshes on time. */
const HOUSEKEEPING_MS = 500;
const BATCH = 100;
const EXPIRY_CHECK_MS = 24 * 60 * 60_000;
const TRASH_PURGE_MS = 60 * 60_000;

const holder = globalThis as typeof globalThis & { __wanSweeperStarted?: boolean };

/**
 * The tracker's clock, one per server process: sends queued generations as slots free, refreshes
 * every task at its due time (waking exactly then, at least once a second), and archives finished
 * clips. State lives in the database, so after a restart this simply resumes every open task.
 * Watchers never poll the service themselves: they wait for the change this makes.
 */
export function startSweeper(): void {
  if (holder.__wanSweeperStarted) return;
  holder.__wanSweeperStarted = true;
  void (async () => {
    // Half-received uploads (zip imports) from before a restart are of no use to anyone.
    await fs.promises.rm(path.join(getEnv().dataDir, 'tmp'), { recursive: true, force: true });
    const removed = await getVideoStore().removePartials();
    if (removed) log().warn({ event: 'sweeper', removed }, 'removed half-written archive files left by a crash');
    for (;;) {
      const wake = await sweep().catch((error: unknown) => {
        log().error({ event: 'sweeper', err: error }, 'sweeper pass failed');
        return Date.now() + MAX_SLEEP_MS;
      });
      const sleep = Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, wake - Date.now()));
      await new Promise((resolve) => setTimeout(resolve, sleep).unref());
    }
  })();
}

let lastHousekeeping = 0;

/** One pass; returns when the next pass is due. */
async function sweep(): Promise<number> {
  const deps = trackerDeps();
  const clock = () => deps.now().getTime();
  const housekeeping = clock() - lastHousekeeping >= HOUSEKEEPING_MS;
  if (housekeeping) {
    lastHousekeeping = clock();
    await markStaleSendsUnknown({ now: deps.now() });
    await dispatchQueued(deps);
  }
  for (;;) {
    const due = await listDueGenerationIds({ now: deps.now(), limit: BATCH });
    await Promise.all(due.map((id) => refreshIfDue(id, deps)));
    if (due.length < BATCH) break;
  }
  if (!housekeeping) return (await getNextDueAt())?.getTime() ?? clock() + MAX_SLEEP_MS;
  // Archive attempts go on, backing off, for as long as the service's link works.
  const now = deps.now();
  const unarchived = await listUnarchivedSuccessIds({ limit: BATCH, now, completedAfter: new Date(now.getTime() - RESULT_URL_LIFETIME_MS) });
  void Promise.allSettled(unarchived.map((id) => archiveGeneration(id, { onChange: notifyChanged, now: deps.now })));
  if (clock() - lastTrashPurge >= TRASH_PURGE_MS) {
    lastTrashPurge = clock();
    // The trash keeps clips for 30 days; after that they and their videos go for good.
    await purgeTrashed({ before: trashExpiry(deps.now()) });
  }
  if (clock() - lastExpiryCheck >= EXPIRY_CHECK_MS) {
    lastExpiryCheck = clock();
    await reportUnarchived();
  }
  return (await getNextDueAt())?.getTime() ?? clock() + MAX_SLEEP_MS;
}

let lastExpiryCheck = 0;
let lastTrashPurge = 0;

/** The daily expiry guard: every finished clip still without our copy, loudly, while its link still works. */
async function reportUnarchived(): Promise<void> {
  const missing = await listSuccessesWithoutArchive({ limit: 1_000 });
  if (missing.length === 0) return;
  log().warn({ event: 'expiry-guard', count: missing.length }, 'finished clips have no archived copy yet');
  for (const row of missing.slice(0, 50)) {
    log().warn({ event: 'expiry-guard', clip_id: row.id, team_id: row.teamId, finished: row.completedAt?.toISOString(), attempts: row.archiveAttempts, error: row.archiveError ?? undefined }, 'not archived yet');
  }
}
