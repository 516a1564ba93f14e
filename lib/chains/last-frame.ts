import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setLastFrame } from '@/db/queries/chains';
import { getImageById } from '@/db/queries/storage';
import type { Generation, Image } from '@/db/schema';
import { semaphore } from '@/lib/async/concurrency';
import { keepImage } from '@/lib/images/start-image';
import { chosenFfmpeg, fpsModeFlag, readHead, runFfmpeg, type FfmpegVersion } from '@/lib/storage/ffmpeg';
import { getVideoStore } from '@/lib/storage/video-storage';
import { isVideoHead } from '@/lib/storage/video-store';

// A clip's last frame, as a start frame of the team: what the next shot of a chain starts from.

const slot = semaphore(2);

export type LastFrame = { ok: true; image: Image } | { ok: false; message: string };

/** The clip's last frame kept as one of the team's start frames (made once, then reused). */
export async function lastFrameOf(clip: Pick<Generation, 'id' | 'teamId' | 'archivePath' | 'lastFrameId'>, owner: { teamId: string; userId: string }): Promise<LastFrame> {
  if (clip.lastFrameId) {
    const kept = await getImageById({ id: clip.lastFrameId, teamId: owner.teamId });
    if (kept) return { ok: true, image: kept };
  }
  if (!clip.archivePath) return { ok: false, message: 'This clip is not archived yet: its last frame is taken from our copy.' };
  const archivePath = clip.archivePath;
  const png = await slot(() => extract(archivePath));
  if (!png) return { ok: false, message: 'The last frame of this clip could not be read.' };
  const kept = await keepImage(png, owner);
  if (!kept.ok) return { ok: false, message: `The last frame could not be kept: ${kept.message}` };
  await setLastFrame({ teamId: owner.teamId, clipId: clip.id, imageId: kept.image.id });
  return { ok: true, image: kept.image };
}

async function extract(key: string): Promise<Buffer | null> {
  const video = await getVideoStore().localCopy(key);
  if (!video) return null;
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'wan-last-frame-'));
  const out = path.join(dir, `${crypto.randomBytes(6).toString('hex')}.png`);
  try {
    if (!isVideoHead(await readHead(video.path, 16))) return null;
    const ffmpeg = await chosenFfmpeg();
    await runFfmpeg(ffmpeg.path, lastFrameArgs(video.path, out, ffmpeg.version));
    const bytes = await fs.promises.readFile(out);
    return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ? bytes : null;
  } catch {
    return null;
  } finally {
    await video.release().catch(() => undefined);
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Decodes the last second and keeps overwriting one PNG, so what stays is the very last frame (lossless, at the
 * clip's own size). The input is one local MP4/MOV file only: no other demuxer, no network.
 */
export function lastFrameArgs(input: string, output: string, version: FfmpegVersion | undefined): string[] {
  const fpsMode = fpsModeFlag(version);
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
    ...['-protocol_whitelist', 'file', '-sseof', '-1', '-f', 'mov', '-threads', '1', '-i', `file:${input}`],
    ...['-an', fpsMode, 'passthrough', '-update', '1', '-c:v', 'png', '-pix_fmt', 'rgb24', '-f', 'image2', '-y', `file:${output}`],
  ];
}
