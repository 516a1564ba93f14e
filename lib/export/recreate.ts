// Re-creates an export's clips as finished, archived entries of a team: no API call, nothing spent.
import 'server-only';
import crypto from 'node:crypto';
import { listArchivedSha256s } from '@/db/queries/archived-videos';
import { insertGenerations, listGenerationStates } from '@/db/queries/generations';
import type { NewGeneration } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { getVideoStore } from '@/lib/storage/video-storage';
import { checkTeamQuota, DiskFullError, formatBytes } from '@/lib/storage/disk-space';
import { ArchiveRejectedError, isVideoHead, type StoredObject } from '@/lib/storage/video-store';
import { parseRecipesFile, type ParsedRecipesFile, type RecipeClip } from './recipes-file';
import { ZipFormatError } from './zip-checks';
import { openZip, type OpenedZip, type ZipFileEntry } from './zip-read';

/** The largest recipes.json read from an export zip (the form's own upload limit is RECIPES_UPLOAD_MAX_BYTES). */
export const ZIP_RECIPES_MAX_BYTES = 2 * 1024 * 1024;

/**
 * `ids`: the clips made; `skipped`: the export's clips whose video the team's gallery already holds.
 * `status`: 413 past the import's total cap or the team's quota, 507 when the disk is almost full; otherwise 400.
 */
export type RecreateResult = { ok: true; ids: string[]; skipped: number } | { ok: false; message: string; problems?: string[]; status?: 413 | 507 };

/**
 * `sha256`: the clip's video as the service made it (what it is recognised by); `fileSha256`: the file in the
 * zip, which is a copy tagged with its recipe (older exports hold the original: the two are one).
 * `number`: the clip's place in the export (1-based), which problems are reported by.
 */
type Planned = { clip: RecipeClip; entry: ZipFileEntry; sha256: string; fileSha256: string; number: number };
type Stored = { id: string; object: StoredObject };

const refused = (problems: string[]): Exclude<RecreateResult, { ok: true }> => ({ ok: false, message: 'Some clips cannot be re-created; nothing was imported.', problems });

/**
 * Every clip of an export zip, with its video, prompt, seed and parameters, as a new clip of `teamId`.
 * All or nothing: on any problem the videos already stored are removed and no row is inserted.
 * Idempotent: a clip is identified by its video's sha256 (recorded at export, checked on import), and one
 * whose video the team's gallery already holds is skipped, so the same zip imported twice adds nothing.
 */
export async function recreateFromZip({ file, teamId, userId }: { file: string; teamId: string; userId: string }): Promise<RecreateResult> {
  let zip: OpenedZip;
  try {
    zip = await openZip(file);
  } catch (error) {
    if (error instanceof ZipFormatError) return { ok: false, message: error.message };
    throw error;
  }
  try {
    // Declared sizes are what the reader enforces per entry, so their sum bounds what this import can write.
    const declared = zip.entries.reduce((sum, entry) => sum + entry.size, 0);
    const cap = getEnv().disk.importMaxTotalBytes;
    if (declared > cap) {
      return { ok: false, status: 413, message: `This zip expands to ${formatBytes(declared)}, more than the ${formatBytes(cap)} one import may hold. Export fewer clips at a time.` };
    }
    const recipes = await readRecipes(zip);
    if (!recipes.ok) return recipes;
    if (recipes.file.clips.length === 0) return { ok: false, message: 'This export has no clips.' };
    const planned = plan(zip, recipes.file.clips);
    if (!planned.ok) return refused(planned.problems);
    const present = await listArchivedSha256s({ teamId, sha256s: planned.clips.map((clip) => clip.sha256) });
    const fresh = planned.clips.filter((clip) => !present.has(clip.sha256));
    const skipped = planned.clips.length - fresh.length;
    if (fresh.length === 0) return { ok: true, ids: [], skipped };
    const videoBytes = fresh.reduce((sum, { entry }) => sum + entry.size, 0);
    const quota = await checkTeamQuota({ teamId, adding: videoBytes });
    if (!quota.ok) return { ok: false, status: 413, message: quota.message };
    try {
      await getVideoStore().ensureRoom(videoBytes);
      const stored = await storeAndInsert(zip, fresh, { teamId, userId }, cap);
      return stored.ok ? { ...stored, skipped } : stored;
    } catch (error) {
      if (error instanceof DiskFullError) return { ok: false, status: 507, message: error.message };
      throw error;
    }
  } finally {
    await zip.close();
  }
}

async function readRecipes(zip: OpenedZip): Promise<ParsedRecipesFile> {
  const entry = zip.entries.find((candidate) => candidate.name === 'recipes.json');
  if (!entry) return { ok: false, message: 'This zip has no recipes.json, so it is not a Wan Studio export.' };
  if (entry.size > ZIP_RECIPES_MAX_BYTES) return { ok: false, message: 'recipes.json is larger than 2 MB.' };
  try {
    const chunks = (await zip.read(entry).toArray()) as Buffer[];
    return parseRecipesFile(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    if (error instanceof ZipFormatError) return { ok: false, message: `recipes.json cannot be read: ${error.message}` };
    throw error;
  }
}

/** Checks what can be checked before a byte is copied: every clip has its video, a sha256, a sane size. */
function plan(zip: OpenedZip, clips: RecipeClip[]): { ok: true; clips: Planned[] } | { ok: false; problems: string[] } {
  const byName = new Map(zip.entries.map((entry) => [entry.name, entry]));
  const maxBytes = getEnv().archiveMaxBytes;
  const problems: string[] = [];
  const planned: Planned[] = [];
  for (const [index, clip] of clips.entries()) {
    const entry = clip.file ? byName.get(clip.file) : undefined;
    if (!clip.file) problems.push(`Clip ${index + 1} has no video in the zip; use Re-run instead`);
    else if (!entry) problems.push(`Clip ${index + 1}: its video ${clip.file} is missing from the zip`);
    else if (!clip.sha256) problems.push(`Clip ${index + 1}: no sha256 is recorded for its video`);
    else if (entry.size > maxBytes) problems.push(`Clip ${index + 1}: the video is larger than this studio’s limit of ${maxBytes} bytes`);
    else planned.push({ clip, entry, sha256: clip.sha256, fileSha256: clip.fileSha256 ?? clip.sha256, number: index + 1 });
  }
  return problems.length ? { ok: false, problems } : { ok: true, clips: planned };
}

/** Writes the videos (each counted against what is left of the import's total), then inserts every row at once. */
async function storeAndInsert(zip: OpenedZip, planned: Planned[], owner: { teamId: string; userId: string }, cap: number): Promise<{ ok: true; ids: string[] } | Exclude<RecreateResult, { ok: true }>> {
  const store = getVideoStore();
  const stored: Stored[] = [];
  const problems: string[] = [];
  let written = 0;
  try {
    for (const { entry, fileSha256, number } of planned) {
      try {
        const id = crypto.randomUUID();
        const maxBytes = Math.min(getEnv().archiveMaxBytes, cap - written);
        const object = await store.put(`${id}.mp4`, zip.read(entry), { maxBytes, accept: isVideoHead });
        written += object.bytes;
        stored.push({ id, object });
        if (object.sha256 !== fileSha256) problems.push(`Clip ${number}: the video does not match its recorded sha256`);
      } catch (error) {
        if (error instanceof ArchiveRejectedError) problems.push(`Clip ${number}: the video was refused (${error.message})`);
        else if (error instanceof ZipFormatError) problems.push(`Clip ${number}: ${error.message}`);
        else throw error;
      }
    }
    if (problems.length) {
      await removeAll(stored);
      return refused(problems);
    }
    const rows = await insertGenerations(await rowsOf(planned, stored, owner));
    return { ok: true, ids: rows.map((row) => row.id) };
  } catch (error) {
    await removeAll(stored);
    throw error;
  }
}

async function rowsOf(planned: Planned[], stored: Stored[], { teamId, userId }: { teamId: string; userId: string }): Promise<NewGeneration[]> {
  const clips = planned.map(({ clip }) => clip);
  const sourceOf = planned.map(({ sha256, fileSha256 }) => (sha256 === fileSha256 ? null : sha256));
  // A clip re-created next to its original (a restore into the same team) keeps it as its parent.
  const here = new Set((await listGenerationStates({ ids: clips.map((clip) => clip.id), teamId })).map((row) => row.id));
  const now = Date.now();
  // Newest original first gets `now`, the next one a millisecond less: on top of the gallery, in their old order.
  const newestFirst = clips.map((clip, index) => ({ at: Date.parse(clip.createdAt), index })).sort((a, b) => b.at - a.at || a.index - b.index);
  const age = new Map(newestFirst.map(({ index }, rank) => [index, rank]));
  return clips.map((clip, index): NewGeneration => {
    const { recipe } = clip;
    const copy = stored[index];
    if (!copy) throw new Error(`Clip ${index + 1} has no stored video`);
    const { id, object } = copy;
    return {
      id,
      teamId,
      userId,
      parentId: here.has(clip.id) ? clip.id : null,
      model: recipe.model,
      mode: recipe.mode,
      prompt: recipe.prompt,
      negativePrompt: recipe.negativePrompt ?? null,
      seed: recipe.seed,
      resolution: recipe.resolution,
      aspectRatio: recipe.aspectRatio,
      duration: recipe.duration,
      enablePromptExpansion: recipe.enablePromptExpansion,
      imageUrls: recipe.imageUrls ?? null,
      imageId: null,
      audioUrls: recipe.audioUrls ?? null,
      audioId: null,
      provider: recipe.provider,
      requestType: recipe.requestType,
      taskId: null,
      state: 'success',
      archivePath: object.key,
      archiveSha256: object.sha256,
      // The zip's file is the tagged copy: the clip's video stays the one the service made.
      sourceSha256: sourceOf[index] ?? null,
      archiveBytes: object.bytes,
      archivedAt: new Date(now),
      createdAt: new Date(now - (age.get(index) ?? index)),
      completedAt: new Date(now),
      updatedAt: new Date(now),
    };
  });
}

async function removeAll(stored: Stored[]): Promise<void> {
  await Promise.all(stored.map(({ object }) => getVideoStore().remove(object.key)));
}
