import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { semaphore, singleFlight } from '@/lib/async/concurrency';
import { getVideoStore } from './video-storage';
import { isVideoHead, type LocalCopy } from './video-store';
import { log } from '@/lib/ops/log';
import { chosenFfmpeg, fpsModeFlag, readHead, runFfmpeg, type FfmpegVersion } from './ffmpeg';

export { resetFfmpegForTests, type FfmpegVersion } from './ffmpeg';

export type Poster = { path: string; bytes: number };

const FRAME_AT_SECONDS = 0.5;
const MAX_WIDTH = 640;
// Same alphabet as the video store's keys, minus a leading dot ("." and ".." would name directories).
const keySchema = z.string().regex(/^[\w-][\w.-]*$/);
const flight = singleFlight<Poster | null>();
const RETRY_BROKEN_MS = 10 * 60_000;
const brokenAt = new Map<string, number>();
// ffmpeg takes a whole core; two at once leave the rest of a small machine to requests.
const slot = semaphore(2);
const warned = new Set<string>();

const dataDir = () => getEnv().dataDir;
const posterFile = (key: string) => path.join(dataDir(), 'posters', `${key}.jpg`);

/** A JPEG still of the archived clip `archiveKey`, made once and cached; null when it cannot be made. */
export async function posterOf(archiveKey: string): Promise<Poster | null> {
  if (!keySchema.safeParse(archiveKey).success) return fail(archiveKey, 'invalid key');
  // A clip ffmpeg could not read is not tried again on every request (public share pages included).
  if (Date.now() - (brokenAt.get(archiveKey) ?? -Infinity) < RETRY_BROKEN_MS) return null;
  return (await cached(archiveKey)) ?? flight(archiveKey, () => slot(() => create(archiveKey)));
}

/** Drops the cached poster of a clip deleted for good; a missing one is not an error. */
export async function removePoster(archiveKey: string): Promise<void> {
  if (!keySchema.safeParse(archiveKey).success) throw new Error(`Invalid storage key: ${archiveKey}`);
  warned.delete(archiveKey);
  brokenAt.delete(archiveKey);
  await fs.promises.rm(posterFile(archiveKey), { force: true });
}

async function cached(key: string): Promise<Poster | null> {
  const stat = await fs.promises.stat(posterFile(key)).catch(() => undefined);
  return stat?.isFile() ? { path: posterFile(key), bytes: stat.size } : null;
}

async function create(key: string): Promise<Poster | null> {
  // A flight that finished while this one waited for its slot may have made it already.
  const existing = await cached(key);
  if (existing) return existing;
  // On a bucket, a temporary local copy: ffmpeg only ever reads one local file.
  let video: LocalCopy | undefined;
  try {
    video = await getVideoStore().localCopy(key);
  } catch (error) {
    // Not marked broken: a bucket that does not answer now may answer on the next request.
    return fail(key, `video unreadable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!video) return fail(key, 'video missing');
  try {
    return await posterFrom(key, video.path);
  } finally {
    await video.release().catch(() => undefined);
  }
}

async function posterFrom(key: string, videoFile: string): Promise<Poster | null> {
  // Only an MP4/MOV reaches ffmpeg: a playlist or concat script named .mp4 would have it open other files.
  if (!isVideoHead(await readHead(videoFile, 16))) {
    markBroken(key);
    return fail(key, 'not an MP4/MOV file');
  }

  const final = posterFile(key);
  const partial = `${final}.${crypto.randomBytes(6).toString('hex')}.part`;
  try {
    await fs.promises.mkdir(path.dirname(final), { recursive: true });
    const ffmpeg = await chosenFfmpeg();
    await runFfmpeg(ffmpeg.path, frameArgs(videoFile, partial, ffmpeg.version));
    const head = await readHead(partial, 3);
    if (head[0] !== 0xff || head[1] !== 0xd8 || head[2] !== 0xff) throw new Error('ffmpeg wrote no JPEG');
    // Atomic: a reader sees either no poster or the whole one.
    await fs.promises.rename(partial, final);
    return await cached(key);
  } catch (error) {
    await fs.promises.rm(partial, { force: true }).catch(() => undefined);
    markBroken(key);
    return fail(key, error instanceof Error ? error.message : String(error));
  }
}

function markBroken(key: string): void {
  if (brokenAt.size >= 1_000) brokenAt.clear();
  brokenAt.set(key, Date.now());
}


/**
 * Keeps frame 0 and the first frame from 0.5 s on; `-update` overwrites, so a clip shorter than that
 * keeps frame 0. The input is the one local file, read as MP4/MOV only: no other demuxer (HLS, concat),
 * no network or nested protocol, so a crafted file cannot make ffmpeg fetch or open anything else.
 */
export function frameArgs(input: string, output: string, version: FfmpegVersion | undefined): string[] {
  const fpsMode = fpsModeFlag(version);
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
    ...['-protocol_whitelist', 'file', '-f', 'mov', '-threads', '1', '-i', `file:${input}`],
    ...['-vf', `select='eq(n\\,0)+gte(t\\,${FRAME_AT_SECONDS})',scale='min(${MAX_WIDTH},iw)':-2`],
    // Passthrough: the default constant-rate output would repeat frame 0 into the gap and stop there.
    ...[fpsMode, 'passthrough', '-frames:v', '2', '-update', '1'],
    ...['-c:v', 'mjpeg', '-q:v', '4', '-threads', '1', '-f', 'image2', '-y', `file:${output}`],
  ];
}

/** Logs the first failure per clip only: a broken clip on a busy gallery page would otherwise flood the log. */
function fail(key: string, reason: string): null {
  if (!warned.has(key)) {
    warned.add(key);
    log().warn({ event: 'poster', key, reason }, 'poster not made');
  }
  return null;
}
