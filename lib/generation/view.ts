import type { Generation } from '@/db/schema';
import { expectedDurationMs, LINK_EXPIRED, linkExpiryOf } from './timings';

/** What the browser sees of a generation: the request, its state and where to play it. Never a secret. */
export type GenerationView = {
  id: string;
  parentId: string | null;
  /** Who started it: decides whose queue controls show (see can() in lib/auth/authz). */
  authorId: string;
  authorName: string;
  model: Generation['model'];
  mode: Generation['mode'];
  prompt: string;
  negativePrompt: string | null;
  seed: number;
  resolution: Generation['resolution'];
  aspectRatio: Generation['aspectRatio'];
  duration: number;
  enablePromptExpansion: boolean;
  provider: Generation['provider'];
  state: Generation['state'];
  failCode: string | null;
  failMsg: string | null;
  createdAt: number;
  submittedAt: number | null;
  completedAt: number | null;
  costTimeMs: number | null;
  expectedDurationMs: number;
  /** When our server will next ask the service about it. */
  nextRefreshAt: number | null;
  /** Changes whenever anything a watcher shows changes; the watch route answers when it differs. */
  version: string;
  /** 1 = sent next; only while queued. */
  queuePosition: number | null;
  requestType: Generation['requestType'];
  videoUrl: string | null;
  /** A still of the archived clip (made on first request). */
  posterUrl: string | null;
  /** The image-to-video start frame, our kept copy. */
  startImageUrl: string | null;
  /** The sound track the clip's sound follows (a model with sound and none: the model made its own). */
  soundTrack: { label: string; seconds: number; url: string } | null;
  archived: boolean;
  /** While we have no copy: when the service's result URL stops working (15 days after completion). */
  linkExpiresAt: number | null;
  archiveError: string | null;
  /** While we have no copy: when the next attempt to save it is planned (null: not planned, or stopped). */
  archiveNextAt: number | null;
  /** How many times saving our copy has been tried. */
  archiveAttempts: number;
  /** The link expired before a copy could be saved: no more attempts will come. */
  archiveStopped: boolean;
  sha256: string | null;
  bytes: number | null;
};

export type ViewOptions = {
  /** Compresses the documented timings (tests, benchmarks); 1 in production. */
  pollScale?: number;
  queuePosition?: number | null;
};

/** Changes whenever a watcher's copy is out of date: state, our copy, queue place, and each archive attempt's start and end. */
/**
 * The sha256 of a clip's video as the service made it: its archive's, unless the archive is a tagged copy (a
 * clip re-created from an export), which keeps the original's in `sourceSha256`. Reproductions are compared
 * with it and imports recognise a clip by it.
 */
export function videoSha256(row: Pick<Generation, 'archiveSha256' | 'sourceSha256'>): string | null {
  return row.sourceSha256 ?? row.archiveSha256;
}

export function versionOf({ state, archived, queuePosition, archiveNextAt }: Pick<GenerationView, 'state' | 'archived' | 'queuePosition' | 'archiveNextAt'>): string {
  const retries = state === 'success' && !archived && archiveNextAt !== null ? `.${archiveNextAt}` : '';
  return `${state}.${archived ? 'a' : ''}.${queuePosition ?? ''}${retries}`;
}

export function toView(
  row: Generation & { authorName: string; imageFileName?: string | null; track?: { label: string; fileName: string; durationMs: number } | null },
  { pollScale = 1, queuePosition = null }: ViewOptions = {},
): GenerationView {
  const archived = row.archivedAt !== null && row.archivePath !== null;
  const position = row.state === 'queued' ? queuePosition : null;
  return {
    id: row.id,
    parentId: row.parentId,
    authorId: row.userId,
    authorName: row.authorName,
    model: row.model,
    mode: row.mode,
    prompt: row.prompt,
    negativePrompt: row.negativePrompt,
    seed: row.seed,
    resolution: row.resolution,
    aspectRatio: row.aspectRatio,
    duration: row.duration,
    enablePromptExpansion: row.enablePromptExpansion,
    provider: row.provider,
    state: row.state,
    failCode: row.failCode,
    failMsg: row.failMsg,
    createdAt: row.createdAt.getTime(),
    submittedAt: row.submittedAt?.getTime() ?? null,
    completedAt: row.completedAt?.getTime() ?? null,
    costTimeMs: row.apiCostTime,
    expectedDurationMs: expectedDurationMs(row) * pollScale,
    nextRefreshAt: row.nextPollAt?.getTime() ?? null,
    queuePosition: position,
    version: versionOf({ state: row.state, archived, queuePosition: position, archiveNextAt: archived ? null : (row.archiveNextAt?.getTime() ?? null) }),
    requestType: row.requestType,
    // Our archived copy once it exists; the service's URL only while the copy is pending.
    videoUrl: archived ? `/api/generations/${row.id}/video` : (row.resultUrls?.[0] ?? null),
    posterUrl: archived ? `/api/generations/${row.id}/poster` : null,
    startImageUrl: row.imageFileName ? `/i/${row.imageFileName}` : null,
    soundTrack: row.track ? { label: row.track.label, seconds: row.track.durationMs / 1000, url: `/a/${row.track.fileName}` } : null,
    archived,
    linkExpiresAt: row.state === 'success' && !archived ? linkExpiryOf(row).getTime() : null,
    archiveStopped: row.state === 'success' && !archived && (row.archiveError?.startsWith(LINK_EXPIRED) ?? false),
    archiveError: archived ? null : row.archiveError,
    archiveNextAt: archived ? null : (row.archiveNextAt?.getTime() ?? null),
    archiveAttempts: row.archiveAttempts,
    sha256: videoSha256(row),
    bytes: row.archiveBytes,
  };
}
