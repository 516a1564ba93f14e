import 'server-only';
import { listDueGenerationIds, listSuccessesWithoutArchive, listUnarchivedSuccessIds } from '@/db/queries/generations';
import { markStaleSendsUnknown } from '@/db/queries/queue';
import { archiveGeneration, MAX_ARCHIVE_ATTEMPTS } from '@/lib/storage/archive';
import { trackerDeps } from './deps';
import { dispatchQueued } from './dispatch';
import { refreshIfDue } from './refresh';

const TICK_MS = 1_000;
const BATCH = 50;
const EXPIRY_CHECK_MS = 24 * 60 * 60_000;

const holder = globalThis as typeof globalThis & { __wanSweeper?: NodeJS.Timeout };

/**
 * Sends queued generations as slots free, refreshes due tasks nobody is watching, and archives
 * finished clips not yet copied.
 * State lives in the database, so after a restart this simply resumes every open task.
 */
export function startSweeper(): void {
  if (holder.__wanSweeper) return;
  let running = false;
  holder.__wanSweeper = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
      .catch((error: unknown) => console.error('[sweeper]', error))
      .finally(() => (running = false));
  }, TICK_MS);
  holder.__wanSweeper.unref();
}

async function sweep(): Promise<void> {
  const deps = trackerDeps();
  await markStaleSendsUnknown({ now: deps.now() });
  await dispatchQueued(deps);
  const due = await listDueGenerationIds({ now: deps.now(), limit: BATCH });
  await Promise.all(due.map((id) => refreshIfDue(id, deps)));
  const unarchived = await listUnarchivedSuccessIds({ limit: BATCH, maxAttempts: MAX_ARCHIVE_ATTEMPTS, now: deps.now() });
  await Promise.allSettled(unarchived.map((id) => archiveGeneration(id)));
  if (Date.now() - lastExpiryCheck >= EXPIRY_CHECK_MS) {
    lastExpiryCheck = Date.now();
    await reportUnarchived();
  }
}

let lastExpiryCheck = 0;

/** The daily expiry guard: every finished clip still without our copy, loudly, while its link still works. */
async function reportUnarchived(): Promise<void> {
  const missing = await listSuccessesWithoutArchive({ limit: 1_000 });
  if (missing.length === 0) return;
  console.warn(`[expiry-guard] ${missing.length} finished clip(s) have no archived copy yet:`);
  for (const row of missing.slice(0, 50)) {
    console.warn(`  ${row.id} team ${row.teamId} finished ${row.completedAt?.toISOString()} attempts ${row.archiveAttempts}${row.archiveError ? ` (${row.archiveError})` : ''}`);
  }
}
