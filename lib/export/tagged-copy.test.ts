import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { packetDigests, readContainerTags } from '@/emulator/test-video-probe';
import { AI_NOTICE, readClipTag } from './clip-tag';
import { generationRequestSchema } from '@/lib/generation/schema';
import { removeTaggedCopy, taggedCopyOf, type TaggedClip } from './tagged-copy';
import { writeRealMp4 } from '@/test/real-video';

const dataDir = () => process.env.DATA_DIR ?? '';
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A real H.264 + AAC clip in the video store. */
function makeClip(key: string) {
  const dir = path.join(dataDir(), 'videos');
  fs.mkdirSync(dir, { recursive: true });
  return writeRealMp4(path.join(dir, key));
}

const recipe = generationRequestSchema.parse({ prompt: 'A lighthouse at dawn; "slow" dolly in = calm\nsecond line', negativePrompt: 'blur', seed: 4242, duration: 10, resolution: '1080p' });
const clip = (key: string): TaggedClip => ({
  id: '0b7c4c52-3f4e-4a59-9a0e-6f1d2c3b4a5d',
  archivePath: key,
  archiveBytes: null,
  taskId: 'task-123',
  createdAt: new Date('2026-12-02T10:00:00Z'),
  ...recipe,
  seed: 4242,
  negativePrompt: recipe.negativePrompt ?? null,
  imageUrls: null,
  imageId: null,
  audioUrls: null,
  audioId: null,
});

describe('the tagged copy we hand out', () => {
  it('carries the whole recipe and the AI notice in its metadata, with every stream copied untouched, and leaves the original as it was', async () => {
    const original = makeClip('tag-me.mp4');
    const before = sha256(original);
    const copy = await taggedCopyOf(clip('tag-me.mp4'));
    expect(copy).not.toBeNull();
    if (!copy) return;

    const tags = await readContainerTags(copy.path);
    expect(tags.title).toBe(recipe.prompt);
    expect(tags.description).toContain(AI_NOTICE);
    expect(tags.description).toContain('Seed: 4242');
    const read = readClipTag(tags.comment);
    expect(read.ok && read.tag).toMatchObject({ aiGenerated: true, clipId: '0b7c4c52-3f4e-4a59-9a0e-6f1d2c3b4a5d', taskId: 'task-123', recipe: { prompt: recipe.prompt, seed: 4242, duration: 10, resolution: '1080p', negativePrompt: 'blur', model: 'wan-2-5' } });

    // No re-encoding: the same packets, byte for byte; and the archived original is untouched.
    expect(await packetDigests(copy.path)).toEqual(await packetDigests(original));
    expect(sha256(original)).toBe(before);
    expect(copy.bytes).toBe(fs.statSync(copy.path).size);

    // What a browser reads when the file is dropped on the studio (music-metadata, as the drop does).
    const parsed = await parseFile(copy.path);
    expect(readClipTag(parsed.common.comment?.[0]?.text).ok).toBe(true);
  });

  it('is made once and then served from the cache, and removed with the clip', async () => {
    makeClip('once.mp4');
    const first = await taggedCopyOf(clip('once.mp4'));
    const mtime = fs.statSync(first?.path ?? '').mtimeMs;
    const [again, third] = await Promise.all([taggedCopyOf(clip('once.mp4')), taggedCopyOf(clip('once.mp4'))]);
    expect(again?.path).toBe(first?.path);
    expect(third?.path).toBe(first?.path);
    expect(fs.statSync(first?.path ?? '').mtimeMs).toBe(mtime);
    await removeTaggedCopy('once.mp4');
    expect(fs.existsSync(first?.path ?? '')).toBe(false);
  });

  it('hands out nothing for a file that is not an MP4, never giving ffmpeg a playlist', async () => {
    const dir = path.join(dataDir(), 'videos');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'playlist.mp4'), '#EXTM3U\n#EXTINF:1,\nfile:///etc/passwd\n');
    expect(await taggedCopyOf(clip('playlist.mp4'))).toBeNull();
    expect(await taggedCopyOf(clip('missing.mp4'))).toBeNull();
  });
});

describe('reading a tag back', () => {
  it('refuses another tool’s comment and says what is wrong with a damaged recipe', () => {
    expect(readClipTag('Shot on my phone')).toEqual({ ok: false, message: 'This video carries no Wan Studio recipe.' });
    expect(readClipTag(undefined).ok).toBe(false);
    const damaged = readClipTag(JSON.stringify({ format: 'wan-studio.clip', version: 1, aiGenerated: true, generator: 'x', clipId: crypto.randomUUID(), taskId: null, createdAt: new Date().toISOString(), recipe: { prompt: 'a', seed: -1 } }));
    expect(damaged).toEqual({ ok: false, message: expect.stringMatching(/^This video’s recipe cannot be read: recipe.seed/) });
  });
});
