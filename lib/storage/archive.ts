import 'server-only';
import { getGenerationForWorker, updateGeneration } from '@/db/queries/tracker';
import { getEnv } from '@/lib/env';
import { LINK_EXPIRED, linkExpiryOf } from '@/lib/generation/timings';
import { safeGet, type SafeResponse } from '@/lib/net/safe-get';
import { semaphore, singleFlight } from '@/lib/async/concurrency';
import { getVideoStore } from './video-storage';
import { ArchiveRejectedError, isVideoHead } from './video-store';
import { log } from '@/lib/ops/log';

const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const IDLE_TIMEOUT_MS = 60_000;
const FIRST_RETRY_MS = 10_000;
/** Retries never wait longer than this, so an outage that ends is noticed within 15 minutes. */
export const MAX_RETRY_MS = 15 * 60_000;
/** Downloads at once: enough to keep the disk busy, few enough that a burst of finished clips
 * cannot starve the work people wait on (callbacks, watchers). */
const PARALLEL_DOWNLOADS = 4;
const flight = singleFlight<void>();
const slot = semaphore(PARALLEL_DOWNLOADS);

export type ArchiveDeps = {
  /** Told each time the row changes in a way members watching may see (the tracker passes its notifier). */
  onChange: (id: string) => void;
  now: () => Date;
  /** Fetches the service's result URL; the default goes through the safe GET's address policy. */
  download: (url: string, signal: AbortSignal) => Promise<SafeResponse>;
};

/**
 * Copies a finished clip into our storage, so it outlives the API's 15-day URL. Idempotent. A failed
 * attempt schedules the next (10 s doubling to 15 min, scaled by WAN_POLL_SCALE) until the link expires.
 */
export function archiveGeneration(id: string, deps: Pick<ArchiveDeps, 'onChange'> & Partial<ArchiveDeps>): Promise<void> {
  const full: ArchiveDeps = { now: () => new Date(), download: downloadResult, ...deps };
  return flight(id, () => slot(() => archive(id, full)));
}

/** The service's CDN: https, or plain http to the configured API host; private addresses only for the local emulator. */
function downloadResult(url: string, signal: AbortSignal): Promise<SafeResponse> {
  const { wan } = getEnv();
  const apiHost = new URL(wan.baseUrl).host;
  return safeGet(url, {
    httpHosts: new Set([apiHost]),
    allowHosts: new Set(wan.usingEmulator ? [apiHost] : []),
    idleTimeoutMs: IDLE_TIMEOUT_MS,
    signal,
    accept: 'video/mp4',
  });
}

async function archive(id: string, { onChange, now, download }: ArchiveDeps): Promise<void> {
  const row = await getGenerationForWorker({ id });
  const url = row?.resultUrls?.[0];
  if (!row || row.state !== 'success' || row.archivedAt || !url) return;
  const expiresAt = linkExpiryOf(row).getTime();
  if (now().getTime() >= expiresAt) {
    if (row.archiveNextAt !== null || !row.archiveError?.startsWith(LINK_EXPIRED)) {
      await updateGeneration({ id, values: { archiveNextAt: null, archiveError: stopMessage(row.archiveError) } });
      onChange(id);
    }
    return;
  }
  const attempt = row.archiveAttempts + 1;
  // The next attempt is planned only once this one fails: a crash mid-download leaves the clip due at once after a restart.
  await updateGeneration({ id, values: { archiveAttempts: attempt } });

  try {
    const response = await download(url, AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS));
    const type = response.contentType;
    if (type && !/^(video\/|application\/octet-stream|binary\/octet-stream)/i.test(type)) {
      response.body.destroy();
      throw new ArchiveRejectedError(`not a video (content-type ${type})`);
    }
    const maxBytes = getEnv().archiveMaxBytes;
    if (response.declaredBytes !== undefined && response.declaredBytes > maxBytes) {
      response.body.destroy();
      throw new ArchiveRejectedError(`the file is larger than ${maxBytes} bytes`);
    }
    const stored = await getVideoStore().put(`${id}.mp4`, response.body, { maxBytes, accept: isVideoHead });
    const at = now();
    await updateGeneration({
      id,
      values: { archivePath: stored.key, archiveSha256: stored.sha256, archiveBytes: stored.bytes, archivedAt: at, archiveError: null, archiveNextAt: null, updatedAt: at },
    });
    onChange(id);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    const failedAt = now().getTime();
    const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempt - 1, 20)) * getEnv().pollScale;
    // No attempt is planned for after the link has gone: the last one is the final word.
    const next = failedAt + wait < expiresAt ? new Date(failedAt + wait) : null;
    log().warn({ event: 'archive', clip_id: id, attempt, error: message, giving_up: !next }, next ? 'archive attempt failed' : 'archive attempt failed; the link expires before the next one');
    // Given up: not due again before the link expires (then once, to record it), so the sweeper does not spin on it.
    await updateGeneration({ id, values: { archiveError: next ? message.slice(0, 300) : stopMessage(message), archiveNextAt: next ?? new Date(expiresAt) } });
    // Members watching see the new reason and the next attempt at once.
    onChange(id);
    throw error;
  }
}

function stopMessage(lastError: string | null): string {
  if (!lastError || lastError.startsWith(LINK_EXPIRED)) return LINK_EXPIRED;
  return `${LINK_EXPIRED} (last try: ${lastError.slice(0, 200)})`;
}
