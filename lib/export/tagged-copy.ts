import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Generation } from '@/db/schema';
import { semaphore, singleFlight } from '@/lib/async/concurrency';
import { getEnv } from '@/lib/env';
import { clipMetadata, CLIP_TAG_VERSION, noticeMetadata } from './clip-tag';
import { requestOf } from '@/lib/generation/recipe';
import { log } from '@/lib/ops/log';
import { chosenFfmpeg, metadataArgs, readHead, runFfmpeg } from '@/lib/storage/ffmpeg';
import { getVideoStore } from '@/lib/storage/video-storage';
import { checkedKey, isVideoHead, type LocalCopy } from '@/lib/storage/video-store';

// The file we hand out: the archived original with the recipe in its metadata, remuxed by ffmpeg without
// re-encoding (`-c copy`). The original and its sha256 are never touched; the copy is made once per clip and
// cached beside the posters (a local cache on both stores, re-made on demand).

export type TaggedCopy = { path: string; bytes: number };
export type TaggedClip = Pick<Generation, 'id' | 'archivePath' | 'archiveBytes' | 'taskId' | 'createdAt'> & Parameters<typeof requestOf>[0];

const flight = singleFlight<TaggedCopy | null>();
// A stream copy is mostly disk work; two at once leave the rest of a small machine to requests.
const slot = semaphore(2);
const failedAt = new Map<string, number>();
const RETRY_FAILED_MS = 10 * 60_000;

/** What a copy carries: the whole recipe, or (a share link that hides it) only the AI-generated notice. */
export type TagKind = 'recipe' | 'notice';
const taggedFile = (key: string, kind: TagKind) => path.join(getEnv().dataDir, 'tagged', `${key}.v${CLIP_TAG_VERSION}${kind === 'notice' ? '.notice' : ''}.mp4`);

/** The clip's tagged copy, made once; null when it cannot be made (the caller then hands out the original). */
export async function taggedCopyOf(clip: TaggedClip, kind: TagKind = 'recipe'): Promise<TaggedCopy | null> {
  if (!clip.archivePath) return null;
  const key = checkedKey(clip.archivePath);
  if (Date.now() - (failedAt.get(key) ?? -Infinity) < RETRY_FAILED_MS) return null;
  return (await cached(key, kind)) ?? flight(`${kind}:${key}`, () => slot(() => create(key, clip, kind)));
}

/** Drops a clip's tagged copies (deleted for good); a missing one is not an error. */
export async function removeTaggedCopy(archiveKey: string): Promise<void> {
  failedAt.delete(archiveKey);
  for (const kind of ['recipe', 'notice'] as const) await fs.promises.rm(taggedFile(checkedKey(archiveKey), kind), { force: true });
}

async function cached(key: string, kind: TagKind): Promise<TaggedCopy | null> {
  const file = taggedFile(key, kind);
  const stat = await fs.promises.stat(file).catch(() => undefined);
  return stat?.isFile() ? { path: file, bytes: stat.size } : null;
}

async function create(key: string, clip: TaggedClip, kind: TagKind): Promise<TaggedCopy | null> {
  const existing = await cached(key, kind);
  if (existing) return existing;
  let video: LocalCopy | undefined;
  try {
    video = await getVideoStore().localCopy(key);
  } catch (error) {
    return fail(key, `video unreadable: ${error instanceof Error ? error.message : String(error)}`, false);
  }
  if (!video) return fail(key, 'video missing', false);
  try {
    // Only an MP4/MOV reaches ffmpeg: a playlist or concat script named .mp4 would have it open other files.
    if (!isVideoHead(await readHead(video.path, 16))) return fail(key, 'not an MP4/MOV file', true);
    const final = taggedFile(key, kind);
    const partial = `${final}.${crypto.randomBytes(6).toString('hex')}.part`;
    await fs.promises.mkdir(path.dirname(final), { recursive: true });
    try {
      const input = await fs.promises.stat(video.path);
      const ffmpeg = await chosenFfmpeg();
      const metadata = kind === 'recipe' ? clipMetadata({ id: clip.id, taskId: clip.taskId, createdAt: clip.createdAt, recipe: requestOf(clip) }) : noticeMetadata();
      await runFfmpeg(ffmpeg.path, tagArgs(video.path, partial, metadata), {
        timeoutMs: 30_000,
        maxFileBytes: input.size + 4 * 1024 * 1024,
      });
      if (!isVideoHead(await readHead(partial, 16))) throw new Error('ffmpeg wrote no MP4');
      // Atomic: a reader sees no copy or the whole one.
      await fs.promises.rename(partial, final);
      return await cached(key, kind);
    } catch (error) {
      await fs.promises.rm(partial, { force: true }).catch(() => undefined);
      return fail(key, error instanceof Error ? error.message : String(error), true);
    }
  } finally {
    await video.release().catch(() => undefined);
  }
}

/**
 * Every stream copied as it is (no re-encoding), the original's own metadata kept, ours added; the moov box
 * first so the copy plays while it downloads. The input is read as MP4/MOV from one local file only: no other
 * demuxer, no network or nested protocol.
 */
export function tagArgs(input: string, output: string, metadata: Record<string, string>): string[] {
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
    ...['-protocol_whitelist', 'file', '-f', 'mov', '-i', `file:${input}`],
    ...['-map', '0', '-c', 'copy', '-map_metadata', '0'],
    ...metadataArgs(metadata),
    ...['-movflags', '+faststart', '-f', 'mp4', '-y', `file:${output}`],
  ];
}

function fail(key: string, reason: string, remember: boolean): null {
  if (remember) {
    if (failedAt.size >= 1_000) failedAt.clear();
    failedAt.set(key, Date.now());
  }
  log().warn({ event: 'tagged-copy', key, reason }, 'tagged copy not made; the original is handed out');
  return null;
}
