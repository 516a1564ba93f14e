import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { getGenerationById, listGenerationsByIds } from '@/db/queries/generations';
import { getTeamStorageUsage } from '@/db/queries/storage';
import { generations, type Generation, type NewGeneration } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { requestOf } from '@/lib/generation/recipe';
import { formatBytes, setStatfsForTests } from '@/lib/storage/disk-space';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { writeRealMp4 } from '@/test/real-video';
import { listOf } from '@/test/zip';
import { withEnv, zipBombOf } from '@/test/zip-bomb';
import { readContainerTags } from '@/emulator/test-video-probe';
import { videoSha256 } from '@/lib/generation/view';
import { readClipTag } from './clip-tag';
import { exportZip } from './export-clips';
import { recreateFromZip } from './recreate';
import { openZip } from './zip-read';
import { zipStream, type ZipEntry } from './zip-stream';

const videosDir = () => path.join(process.env.DATA_DIR ?? '', 'videos');
let source: Owner;
let target: Owner;

beforeAll(async () => {
  source = await createOwner('source@example.test');
  target = await createOwner('target@example.test');
  fs.mkdirSync(videosDir(), { recursive: true });
});

/** Bytes the video store accepts as an MP4 (an `ftyp` box at offset 4), different every time. */
function fakeMp4(size: number): Buffer {
  return Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), crypto.randomBytes(size)]);
}

/** A finished clip of `owner` with its archived copy in the video store. */
async function archived(owner: Owner, values: Partial<NewGeneration>, video = fakeMp4(4000)): Promise<Generation> {
  const id = crypto.randomUUID();
  fs.writeFileSync(path.join(videosDir(), `${id}.mp4`), video);
  const sha256 = crypto.createHash('sha256').update(video).digest('hex');
  return insertTestGeneration(owner, { id, state: 'success', archivePath: `${id}.mp4`, archiveSha256: sha256, archiveBytes: video.length, archivedAt: new Date(), ...values });
}

/** The export of these clips (in this order), written to a temp file as the download would be. */
async function exportOf(clips: Generation[]): Promise<string> {
  const rows = await listGenerationsByIds({ ids: clips.map((clip) => clip.id), teamId: source.teamId });
  rows.sort((a, b) => clips.findIndex((clip) => clip.id === a.id) - clips.findIndex((clip) => clip.id === b.id));
  return writeTemp(exportZip(rows, new Date()));
}

async function writeTemp(stream: ReadableStream<Uint8Array>): Promise<string> {
  const file = path.join(process.env.DATA_DIR ?? '', `${crypto.randomUUID()}.zip`);
  await fs.promises.writeFile(file, stream);
  return file;
}

/** The zip again, each file's bytes passed through `change` (a sound zip with other contents). */
async function rezipped(file: string, change: (name: string, bytes: Buffer) => Buffer): Promise<string> {
  const zip = await openZip(file);
  const entries: ZipEntry[] = [];
  for (const entry of zip.entries) entries.push({ name: entry.name, source: { bytes: change(entry.name, Buffer.concat((await zip.read(entry).toArray()) as Buffer[])) } });
  await zip.close();
  return writeTemp(zipStream(listOf(entries)));
}

const rowsOf = (teamId: string) => getDb().select().from(generations).where(eq(generations.teamId, teamId)).all();
const videoFiles = () => fs.readdirSync(videosDir()).sort();

describe('recreateFromZip', () => {
  it('re-creates every clip in another team: same recipe, same video bytes, finished and archived, newest original on top', async () => {
    const older = await archived(source, {
      mode: 'text-to-video',
      prompt: 'a lighthouse in a storm',
      negativePrompt: 'blurry',
      seed: 42,
      resolution: '1080p',
      aspectRatio: '9:16',
      duration: 10,
      enablePromptExpansion: false,
      provider: 'official',
      createdAt: new Date('2026-01-01T10:00:00Z'),
    });
    const newer = await archived(source, {
      mode: 'image-to-video',
      prompt: 'the frame comes alive',
      imageUrls: ['https://example.test/frame.png'],
      seed: 7,
      provider: 'value',
      parentId: older.id,
      createdAt: new Date('2026-01-02T10:00:00Z'),
    });
    const file = await exportOf([older, newer]);
    const before = rowsOf(source.teamId).length;

    const result = await recreateFromZip({ file, ...target });
    if (!result.ok) throw new Error(`${result.message}\n${result.problems?.join('\n')}`);
    expect(result.ids).toHaveLength(2);
    const copies = await Promise.all(result.ids.map((id) => getGenerationById({ id, teamId: target.teamId })));
    for (const [index, original] of [older, newer].entries()) {
      const copy = copies[index];
      if (!copy) throw new Error(`copy ${index + 1} is not in the target team`);
      expect(copy.id).not.toBe(original.id);
      expect(requestOf(copy)).toEqual(requestOf(original));
      expect(copy).toMatchObject({ teamId: target.teamId, userId: target.userId, state: 'success', taskId: null, imageId: null, parentId: null, archiveSha256: original.archiveSha256, archiveBytes: original.archiveBytes });
      expect(copy.archivePath).toBe(`${copy.id}.mp4`);
      expect(copy.archivedAt).toBeInstanceOf(Date);
      expect(copy.completedAt).toBeInstanceOf(Date);
      expect(fs.readFileSync(path.join(videosDir(), copy.archivePath ?? '')).equals(fs.readFileSync(path.join(videosDir(), original.archivePath ?? '')))).toBe(true);
    }
    // Both are new (on top of the gallery), and the newer original is still the newer one.
    const [olderCopy, newerCopy] = copies;
    expect(newerCopy?.createdAt.getTime()).toBeGreaterThan(olderCopy?.createdAt.getTime() ?? Infinity);
    expect(olderCopy?.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(rowsOf(source.teamId)).toHaveLength(before);
  });

  it('restored into the team whose trash holds the originals, each copy keeps its original as parent', async () => {
    const original = await archived(source, { prompt: 'restore me', createdAt: new Date('2026-02-01T00:00:00Z'), deletedAt: new Date() });
    const result = await recreateFromZip({ file: await exportOf([original]), ...source });
    if (!result.ok) throw new Error(result.message);
    expect(result.skipped).toBe(0);
    const [id] = result.ids;
    expect((await getGenerationById({ id: id ?? '', teamId: source.teamId }))?.parentId).toBe(original.id);
  });

  it('imports the same zip twice as once: clips whose video the gallery holds are skipped, and counted', async () => {
    const clips = [await archived(source, { prompt: 'twice one' }), await archived(source, { prompt: 'twice two' })];
    const file = await exportOf(clips);
    const first = await recreateFromZip({ file, ...target });
    if (!first.ok) throw new Error(first.message);
    expect(first).toMatchObject({ skipped: 0 });
    expect(first.ids).toHaveLength(2);
    const rowsAfterFirst = rowsOf(target.teamId).length;
    const filesAfterFirst = videoFiles();

    expect(await recreateFromZip({ file, ...target })).toEqual({ ok: true, ids: [], skipped: 2 });
    expect(rowsOf(target.teamId)).toHaveLength(rowsAfterFirst);
    expect(videoFiles()).toEqual(filesAfterFirst);

    // The original team holds them too: nothing to re-create there either.
    expect(await recreateFromZip({ file, ...source })).toEqual({ ok: true, ids: [], skipped: 2 });

    // One of them trashed in the target, plus a clip it never had: those two come in, the other is skipped.
    getDb().update(generations).set({ deletedAt: new Date() }).where(eq(generations.id, first.ids[0] ?? '')).run();
    const extra = await archived(source, { prompt: 'twice three' });
    const mixed = await recreateFromZip({ file: await exportOf([...clips, extra]), ...target });
    if (!mixed.ok) throw new Error(mixed.message);
    expect(mixed.skipped).toBe(1);
    const made = await Promise.all(mixed.ids.map((id) => getGenerationById({ id, teamId: target.teamId })));
    expect(made.map((row) => row?.prompt).sort()).toEqual(['twice one', 'twice three']);
  });

  it('keeps a webhook clip’s delivery in its re-created recipe', async () => {
    const original = await archived(source, { prompt: 'delivered by webhook', requestType: 'callback', callbackSecret: 'secret-not-exported' });
    const result = await recreateFromZip({ file: await exportOf([original]), ...target });
    if (!result.ok) throw new Error(result.message);
    const copy = await getGenerationById({ id: result.ids[0] ?? '', teamId: target.teamId });
    expect(copy).toMatchObject({ requestType: 'callback', callbackSecret: null });
  });

  it('stores nothing when a video does not match its recorded sha256', async () => {
    const good = await archived(source, { prompt: 'good' });
    const other = await archived(source, { prompt: 'tampered' });
    // Re-zipped after the second video was changed: the zip itself is sound, the recipe's sha256 is not.
    const file = await rezipped(await exportOf([good, other]), (name, bytes) => (name === `videos/${other.id}.mp4` ? Buffer.concat([bytes, Buffer.from('changed')]) : bytes));
    const rowsBefore = rowsOf(target.teamId).length;
    const filesBefore = videoFiles();

    const result = await recreateFromZip({ file, ...target });
    expect(result).toEqual({ ok: false, message: 'Some clips cannot be re-created; nothing was imported.', problems: ['Clip 2: the video does not match its recorded sha256'] });
    expect(rowsOf(target.teamId)).toHaveLength(rowsBefore);
    expect(videoFiles()).toEqual(filesBefore);
  });

  it('round-trips a real clip through its tagged copy: the zip’s file carries the recipe, the re-created clip keeps the original’s sha256 and is recognised by it', async () => {
    const id = crypto.randomUUID();
    const original = writeRealMp4(path.join(videosDir(), `${id}.mp4`));
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(original)).digest('hex');
    const clip = await archived(source, { id, prompt: 'a tagged lighthouse', seed: 3131, archiveSha256: sha256, archiveBytes: fs.statSync(original).size }, fs.readFileSync(original));
    const file = await exportOf([clip]);

    // In the zip: the copy with the recipe (not the original bytes), and recipes.json naming both files.
    const zip = await openZip(file);
    const entry = zip.entries.find((candidate) => candidate.name === `videos/${id}.mp4`);
    const recipesEntry = zip.entries.find((candidate) => candidate.name === 'recipes.json');
    if (!entry || !recipesEntry) throw new Error('the zip lacks the video or recipes.json');
    const zippedVideo = Buffer.concat((await zip.read(entry).toArray()) as Buffer[]);
    const recipes = JSON.parse(Buffer.concat((await zip.read(recipesEntry).toArray()) as Buffer[]).toString('utf8')) as { clips: { sha256: string; fileSha256?: string }[] };
    await zip.close();
    const zippedSha256 = crypto.createHash('sha256').update(zippedVideo).digest('hex');
    expect(zippedSha256).not.toBe(sha256);
    expect(recipes.clips[0]).toMatchObject({ sha256, fileSha256: zippedSha256 });
    const zippedFile = path.join(process.env.DATA_DIR ?? '', `${id}-zipped.mp4`);
    fs.writeFileSync(zippedFile, zippedVideo);
    const tag = readClipTag((await readContainerTags(zippedFile)).comment ?? '');
    expect(tag.ok && tag.tag.recipe).toMatchObject({ prompt: 'a tagged lighthouse', seed: 3131 });

    const result = await recreateFromZip({ file, ...target });
    if (!result.ok) throw new Error(`${result.message}\n${result.problems?.join('\n')}`);
    const copy = await getGenerationById({ id: result.ids[0] ?? '', teamId: target.teamId });
    // Stored as zipped (its own sha256), known as the video the service made.
    expect(copy).toMatchObject({ archiveSha256: zippedSha256, sourceSha256: sha256 });
    expect(fs.readFileSync(path.join(videosDir(), copy?.archivePath ?? '')).equals(zippedVideo)).toBe(true);
    expect(copy && videoSha256(copy)).toBe(sha256);
    // The same zip again, or the copy's own export, adds nothing: it is recognised by the original's sha256.
    expect(await recreateFromZip({ file, ...target })).toEqual({ ok: true, ids: [], skipped: 1 });
    expect(await recreateFromZip({ file, ...source })).toEqual({ ok: true, ids: [], skipped: 1 });
  });

  it('stores nothing when a video is damaged inside the zip', async () => {
    const clips = [await archived(source, { prompt: 'one' }), await archived(source, { prompt: 'two' }, fakeMp4(50_000))];
    const file = await exportOf(clips);
    const zip = await openZip(file);
    const offset = zip.entries.find((entry) => entry.name === `videos/${clips[1]?.id}.mp4`)?.dataOffset ?? 0;
    await zip.close();
    const bytes = fs.readFileSync(file);
    bytes[offset + 30_000] = (bytes[offset + 30_000] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    const filesBefore = videoFiles();

    const result = await recreateFromZip({ file, ...target });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([`Clip 2: "videos/${clips[1]?.id}.mp4" is damaged: its CRC-32 checksum does not match.`]);
    expect(videoFiles()).toEqual(filesBefore);
  });

  it('refuses clips that have no video, and says to re-run them instead', async () => {
    const withVideo = await archived(source, { prompt: 'has a video' });
    const without = await insertTestGeneration(source, { prompt: 'never archived', state: 'success' });
    const filesBefore = videoFiles();
    const result = await recreateFromZip({ file: await exportOf([withVideo, without]), ...target });
    expect(!result.ok && result.problems).toEqual(['Clip 2 has no video in the zip; use Re-run instead']);
    expect(videoFiles()).toEqual(filesBefore);
  });

  it('explains a zip without recipes.json, and a file that is not a zip', async () => {
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield { name: 'videos/x.mp4', source: { bytes: fakeMp4(100) } };
    }
    const noRecipes = await writeTemp(zipStream(entries()));
    expect(await recreateFromZip({ file: noRecipes, ...target })).toEqual({ ok: false, message: 'This zip has no recipes.json, so it is not a Wan Studio export.' });

    const notZip = path.join(process.env.DATA_DIR ?? '', 'not-a-zip.zip');
    fs.writeFileSync(notZip, 'just some text, long enough to be looked at as a zip');
    expect(await recreateFromZip({ file: notZip, ...target })).toEqual({ ok: false, message: 'This is not a zip file, or it is cut short: its end-of-archive record is missing.' });
  });
});

describe('recreateFromZip: the import’s limits', () => {
  const dataDir = () => process.env.DATA_DIR ?? '';
  const leftovers = () => videoFiles().filter((name) => name.endsWith('.part'));
  const limits = (vars: Record<string, string>, work: () => Promise<void>) => withEnv(vars, resetEnvForTests, work);

  it('refuses a zip bomb (a small zip whose entries expand past the import cap) before writing a byte', async () => {
    const bomb = zipBombOf(await exportOf([await archived(source, { prompt: 'bomb' })]), dataDir(), 100 * 1024 ** 2);
    expect(fs.statSync(bomb).size).toBeLessThan(1_000_000);
    const filesBefore = videoFiles();
    await limits({ IMPORT_MAX_TOTAL_BYTES: String(10 * 1024 ** 2) }, async () => {
      const result = await recreateFromZip({ file: bomb, ...target });
      expect(result).toMatchObject({ ok: false, status: 413 });
      expect(!result.ok && result.message).toMatch(/^This zip expands to 100 MB, more than the 10 MB one import may hold/);
    });
    expect(videoFiles()).toEqual(filesBefore);
    expect(leftovers()).toEqual([]);
  });

  it('refuses an import that would pass the team’s storage quota, saying what is used of what', async () => {
    const file = await exportOf([await archived(source, { prompt: 'over quota' }, fakeMp4(40_000))]);
    const filesBefore = videoFiles();
    const used = (await getTeamStorageUsage({ teamId: target.teamId })).totalBytes;
    await limits({ TEAM_STORAGE_QUOTA_BYTES: String(used + 10_000) }, async () => {
      const result = await recreateFromZip({ file, ...target });
      expect(result).toMatchObject({ ok: false, status: 413 });
      expect(!result.ok && result.message).toContain(`${formatBytes(used)} of ${formatBytes(used + 10_000)} used`);
    });
    expect(videoFiles()).toEqual(filesBefore);
  });

  it('refuses cleanly when the disk is almost full, leaving no file behind', async () => {
    const file = await exportOf([await archived(source, { prompt: 'full disk' })]);
    const filesBefore = videoFiles();
    const rowsBefore = rowsOf(target.teamId).length;
    // 100 MB free, 1 GiB kept in reserve.
    setStatfsForTests(async () => ({ bavail: 25_000, bsize: 4096 }));
    try {
      const result = await recreateFromZip({ file, ...target });
      expect(result).toMatchObject({ ok: false, status: 507 });
      expect(!result.ok && result.message).toMatch(/^The studio's disk is almost full: 98 MB free, 1 GB kept in reserve/);
    } finally {
      setStatfsForTests();
    }
    expect(videoFiles()).toEqual(filesBefore);
    expect(rowsOf(target.teamId)).toHaveLength(rowsBefore);
  });
});
