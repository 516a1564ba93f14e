import 'server-only';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { semaphore } from '@/lib/tasks/semaphore';
import { singleFlight } from '@/lib/tasks/single-flight';

export type Poster = { path: string; bytes: number };

const FFMPEG_TIMEOUT_MS = 10_000;
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
const videoFile = (key: string) => path.join(dataDir(), 'videos', key);

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
  const video = await fs.promises.stat(videoFile(key)).catch(() => undefined);
  if (!video?.isFile()) return fail(key, 'video missing');

  const final = posterFile(key);
  const partial = `${final}.${crypto.randomBytes(6).toString('hex')}.part`;
  try {
    await fs.promises.mkdir(path.dirname(final), { recursive: true });
    await runFfmpeg(frameArgs(videoFile(key), partial));
    const head = await readHead(partial);
    if (head[0] !== 0xff || head[1] !== 0xd8 || head[2] !== 0xff) throw new Error('ffmpeg wrote no JPEG');
    // Atomic: a reader sees either no poster or the whole one.
    await fs.promises.rename(partial, final);
    return await cached(key);
  } catch (error) {
    await fs.promises.rm(partial, { force: true }).catch(() => undefined);
    if (brokenAt.size >= 1_000) brokenAt.clear();
    brokenAt.set(key, Date.now());
    return fail(key, error instanceof Error ? error.message : String(error));
  }
}

/** Keeps frame 0 and the first frame from 0.5 s on; `-update` overwrites, so a clip shorter than that keeps frame 0. */
function frameArgs(input: string, output: string): string[] {
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', input],
    ...['-vf', `select='eq(n\\,0)+gte(t\\,${FRAME_AT_SECONDS})',scale='min(${MAX_WIDTH},iw)':-2`],
    // Passthrough: the default constant-rate output would repeat frame 0 into the gap and stop there.
    ...['-vsync', 'passthrough', '-frames:v', '2', '-update', '1'],
    ...['-c:v', 'mjpeg', '-q:v', '4', '-threads', '1', '-f', 'image2', '-y', output],
  ];
}

function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-500);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), FFMPEG_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with ${signal ?? code}: ${stderr.trim()}`));
    });
  });
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(3), 0, 3, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

let resolvedFfmpeg: string | undefined;
function ffmpegPath(): string {
  resolvedFfmpeg ??= z.object({ path: z.string().min(1) }).parse(createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg')).path;
  return resolvedFfmpeg;
}

/** Logs the first failure per clip only: a broken clip on a busy gallery page would otherwise flood the log. */
function fail(key: string, reason: string): null {
  if (!warned.has(key)) {
    warned.add(key);
    console.warn(`[poster] ${key}: ${reason}`);
  }
  return null;
}
