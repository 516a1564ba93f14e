// A sound track for the second model: kept for the team (uploaded, or fetched from a public link without letting
// the link probe our network), and the URL the service is sent for it (`audio_urls`).
import 'server-only';
import crypto from 'node:crypto';
import { getAudioTrackById, insertAudioTrack } from '@/db/queries/storage';
import type { AudioTrack } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { models, type GenerationRequest } from '@/lib/generation/schema';
import { fetchPublicFile, lastSegment, trustedHosts } from '@/lib/net/fetch-public';
import { SafeGetError } from '@/lib/net/safe-get';
import { TRACKS_NEED_PUBLIC_URL } from '@/lib/reachable-messages';
import { writeAudioFile } from '@/lib/storage/audio-files';
import { checkTeamQuota, DiskFullError } from '@/lib/storage/disk-space';
import type { SoundTrackView } from './track-view';
import { MAX_AUDIO_BYTES, validateAudio } from './validate-audio';

type Owner = { teamId: string; userId: string };

/** `status`: 413 past the team's storage quota, 507 when the disk is almost full; otherwise a bad track (400). */
export type KeptTrack = { ok: true; track: AudioTrack } | { ok: false; message: string; status?: 413 | 507 };

/** Checks a track and keeps it in our storage, whether uploaded (`label`: its file name) or downloaded (`sourceUrl`). */
export async function keepAudio(bytes: Uint8Array, owner: Owner, { label, sourceUrl }: { label: string; sourceUrl?: string }): Promise<KeptTrack> {
  const check = await validateAudio(bytes);
  if (!check.ok) return check;
  const quota = await checkTeamQuota({ teamId: owner.teamId, adding: bytes.byteLength });
  if (!quota.ok) return { ok: false, message: quota.message, status: 413 };
  let fileName: string;
  try {
    fileName = await writeAudioFile(bytes, check.format);
  } catch (error) {
    if (error instanceof DiskFullError) return { ok: false, message: error.message, status: 507 };
    throw error;
  }
  const track = await insertAudioTrack({
    id: crypto.randomUUID(),
    ...owner,
    fileName,
    format: check.format,
    durationMs: Math.round(check.seconds * 1000),
    bytes: bytes.byteLength,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    sourceUrl: sourceUrl ?? null,
    label: label.trim().slice(0, 120) || `track.${check.format}`,
  });
  return { ok: true, track };
}

/** Fetches a track from a public link (SSRF-safe), checks it and keeps it for the team. */
export async function keepAudioFromLink(link: string, owner: Owner): Promise<KeptTrack> {
  try {
    const accept = 'audio/wav, audio/x-wav, audio/mpeg';
    const { bytes, url } = await fetchPublicFile(link, { maxBytes: MAX_AUDIO_BYTES, what: 'sound file', accept, allowHosts: trustedHosts() });
    return keepAudio(bytes, owner, { label: lastSegment(url), sourceUrl: url });
  } catch (error) {
    if (error instanceof SafeGetError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Where the service can fetch our copy (PUBLIC_URL, or loopback for the emulator); undefined when it cannot reach us. */
export function publicAudioUrl(track: Pick<AudioTrack, 'fileName'>): string | undefined {
  const base = getEnv().reachableUrl;
  return base ? `${base.replace(/\/+$/, '')}/a/${track.fileName}` : undefined;
}

/** What to send as `audio_urls[0]`: our checked copy when the service can reach us, else the pasted link as given. */
export function audioUrlForService(track: Pick<AudioTrack, 'fileName' | 'sourceUrl'>): string | undefined {
  return publicAudioUrl(track) ?? track.sourceUrl ?? undefined;
}

/** What the browser is told about a kept track: enough to show, play and name it. */
export function soundTrackView(track: AudioTrack): SoundTrackView {
  return { id: track.id, label: track.label, seconds: track.durationMs / 1000, format: track.format, previewUrl: `/a/${track.fileName}` };
}

type Resolved = { ok: true; request: GenerationRequest } | { ok: false; message: string };

export const TRACK_NOT_KEPT = 'This clip’s sound track is not kept in this studio (it came in a file from elsewhere): add the track again, as a file or a link.';

/**
 * A request with sound names one of the team's kept tracks; the URL sent comes from that record, never from
 * the browser: our checked copy whenever the service can reach us (so the same bytes every time, and a
 * reproduction sends what the original did), the pasted link otherwise. A model without sound sends no track;
 * a track URL with no kept track behind it (an imported clip's, a JSON caller's) is refused, not dropped.
 */
export async function resolveSoundTrack(request: GenerationRequest, teamId: string): Promise<Resolved> {
  const silent = { ...request, audioId: undefined, audioUrls: undefined };
  if (!models[request.model].audio) return { ok: true, request: silent };
  if (!request.audioId) return request.audioUrls?.length ? { ok: false, message: TRACK_NOT_KEPT } : { ok: true, request: silent };
  const track = await getAudioTrackById({ id: request.audioId, teamId });
  if (!track) return { ok: false, message: 'That sound track is not in the team’s storage: add it again.' };
  const url = audioUrlForService(track);
  if (!url) return { ok: false, message: TRACKS_NEED_PUBLIC_URL };
  return { ok: true, request: { ...request, audioUrls: [url] } };
}
