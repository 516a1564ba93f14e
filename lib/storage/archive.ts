import 'server-only';
import { getGenerationForWorker, updateGeneration } from '@/db/queries/generations';
import { getEnv } from '@/lib/env';
import { notifyChanged } from '@/lib/tasks/notify';
import { singleFlight } from '@/lib/tasks/single-flight';
import { getVideoStore } from './index';
import { isVideoHead } from './video-store';

const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const flight = singleFlight<void>();

/** Copies a finished clip into our storage, so it outlives the API's 15-day URL. Idempotent. */
export function archiveGeneration(id: string): Promise<void> {
  return flight(id, () => archive(id));
}

async function archive(id: string): Promise<void> {
  const row = await getGenerationForWorker({ id });
  const url = row?.resultUrls?.[0];
  if (!row || row.state !== 'success' || row.archivedAt || !url) return;
  await updateGeneration({ id, values: { archiveAttempts: row.archiveAttempts + 1 } });

  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), cache: 'no-store' });
    if (!response.ok || !response.body) throw new Error(`download answered HTTP ${response.status}`);
    const stored = await getVideoStore().put(`${id}.mp4`, response.body, {
      maxBytes: getEnv().archiveMaxBytes,
      accept: isVideoHead,
    });
    await updateGeneration({
      id,
      values: { archivePath: stored.key, archiveSha256: stored.sha256, archiveBytes: stored.bytes, archivedAt: new Date(), updatedAt: new Date() },
    });
    notifyChanged(id);
  } catch (error) {
    console.warn(`[archive] ${id} attempt ${row.archiveAttempts + 1} failed:`, error instanceof Error ? error.message : error);
    throw error;
  }
}
