import 'server-only';
import { getGenerationForWorker, updateGeneration } from '@/db/queries/generations';
import { getEnv } from '@/lib/env';
import { notifyChanged } from '@/lib/tasks/notify';
import { semaphore } from '@/lib/tasks/semaphore';
import { singleFlight } from '@/lib/tasks/single-flight';
import { getVideoStore } from './index';
import { ArchiveRejectedError, isVideoHead } from './video-store';

const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const FIRST_RETRY_MS = 10_000;
const MAX_RETRY_MS = 30 * 60_000;
export const MAX_ARCHIVE_ATTEMPTS = 8;
/** Downloads at once: enough to keep the disk busy, few enough that a burst of finished clips
 * cannot starve the work people wait on (callbacks, watchers). */
const PARALLEL_DOWNLOADS = 4;
const flight = singleFlight<void>();
const slot = semaphore(PARALLEL_DOWNLOADS);

/** Copies a finished clip into our storage, so it outlives the API's 15-day URL. Idempotent. */
export function archiveGeneration(id: string): Promise<void> {
  return flight(id, () => slot(() => archive(id)));
}

async function archive(id: string): Promise<void> {
  const row = await getGenerationForWorker({ id });
  const url = row?.resultUrls?.[0];
  if (!row || row.state !== 'success' || row.archivedAt || !url) return;
  const attempt = row.archiveAttempts + 1;
  await updateGeneration({ id, values: { archiveAttempts: attempt } });

  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), cache: 'no-store' });
    if (!response.ok || !response.body) throw new Error(`download answered HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (type && !/^(video\/|application\/octet-stream|binary\/octet-stream)/i.test(type)) {
      throw new ArchiveRejectedError(`not a video (content-type ${type})`);
    }
    const stored = await getVideoStore().put(`${id}.mp4`, response.body, { maxBytes: getEnv().archiveMaxBytes, accept: isVideoHead });
    const now = new Date();
    await updateGeneration({
      id,
      values: { archivePath: stored.key, archiveSha256: stored.sha256, archiveBytes: stored.bytes, archivedAt: now, archiveError: null, archiveNextAt: null, updatedAt: now },
    });
    notifyChanged(id);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`[archive] ${id} attempt ${attempt} failed: ${message}`);
    const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1)) * getEnv().pollScale;
    await updateGeneration({ id, values: { archiveError: message.slice(0, 300), archiveNextAt: new Date(Date.now() + wait) } });
    throw error;
  }
}
