'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addTags, countTrash, listOwnedClips, moveToTrash, purgeTrash, removeTag, restoreFromTrash, setFavorite } from '@/db/queries/curation';
import { deleteSavedView, saveView } from '@/db/queries/saved-views';
import { firstError, refusal, type ActionResult } from '@/lib/action-result';
import { can } from '@/lib/auth/authz';
import { authorize } from '@/lib/auth/session';
import { clipIdsSchema, savedViewSchema, tagsInputSchema } from '@/lib/gallery/commands';
import { parseGallerySearch, tagSchema, toQueryString } from '@/lib/gallery/filters';
import { deleteArchives } from '@/lib/storage/delete-archives';
import { checkSpend, limitsFor, withinLimits } from '@/lib/spend/limits';
import { getEnv } from '@/lib/env';
import { parseRecipesFile } from '@/lib/export/recipes-file';
import { costCents, formatUsd } from '@/lib/generation/pricing';
import type { GenerationRequest } from '@/lib/generation/schema';
import { keepImageFromLink } from '@/lib/images/keep-image-from-link';
import { trackerDeps } from '@/lib/tasks/deps';
import { prepareRequest } from '@/lib/tasks/prepare-request';
import { submitGenerations } from '@/lib/tasks/submit';

// Under Next's 1 MB limit on a server action's body; 500 recipes take about 300 KB.
const RECIPES_MAX_BYTES = 900 * 1024;

export async function favoriteClips(ids: string[], favorite: boolean): Promise<ActionResult<{ changed: number }>> {
  const auth = await authorize('generation:favorite');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = clipIdsSchema.safeParse(ids);
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  const teamId = auth.context.team.teamId;
  const live = await listOwnedClips({ teamId, ids: parsed.data });
  const changed = await setFavorite({ teamId, ids: live.map((clip) => clip.id), favorite: favorite === true });
  revalidatePath('/gallery');
  return { ok: true, data: { changed } };
}

export async function tagClips(ids: string[], tags: string[]): Promise<ActionResult<{ tags: string[] }>> {
  const auth = await authorize('generation:curate');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsedIds = clipIdsSchema.safeParse(ids);
  if (!parsedIds.success) return { ok: false, error: firstError(parsedIds.error) };
  const parsedTags = tagsInputSchema.safeParse(tags);
  if (!parsedTags.success) return { ok: false, error: firstError(parsedTags.error) };
  const teamId = auth.context.team.teamId;
  const owned = await listOwnedClips({ teamId, ids: parsedIds.data });
  const unique = [...new Set(parsedTags.data)];
  await addTags({ teamId, ids: owned.map((clip) => clip.id), tags: unique });
  revalidatePath('/gallery');
  return { ok: true, data: { tags: unique } };
}

export async function untagClips(ids: string[], tag: string): Promise<ActionResult<null>> {
  const auth = await authorize('generation:curate');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsedIds = clipIdsSchema.safeParse(ids);
  const parsedTag = tagSchema.safeParse(tag);
  if (!parsedIds.success || !parsedTag.success) return { ok: false, error: 'That request is not valid.' };
  const teamId = auth.context.team.teamId;
  const live = await listOwnedClips({ teamId, ids: parsedIds.data });
  await removeTag({ teamId, ids: live.map((clip) => clip.id), tag: parsedTag.data });
  revalidatePath('/gallery');
  return { ok: true, data: null };
}

/** Soft delete: refused as a whole when any selected clip is one this member may not delete. */
export async function trashClips(ids: string[]): Promise<ActionResult<{ ids: string[] }>> {
  const auth = await authorize('generation:delete');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = clipIdsSchema.safeParse(ids);
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  const { team, member, user } = auth.context;
  const owned = await listOwnedClips({ teamId: team.teamId, ids: parsed.data });
  if (owned.some((clip) => !can(member, 'generation:delete', clip))) {
    return { ok: false, error: 'You can delete only clips you made; nothing was deleted.' };
  }
  const moved = owned.map((clip) => clip.id);
  await moveToTrash({ teamId: team.teamId, ids: moved, userId: user.id, now: new Date(), prices: getEnv().prices });
  revalidatePath('/gallery');
  return { ok: true, data: { ids: moved } };
}

export async function restoreClips(ids: string[]): Promise<ActionResult<{ restored: number }>> {
  const auth = await authorize('generation:delete');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = clipIdsSchema.safeParse(ids);
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  const { team, member } = auth.context;
  const owned = await listOwnedClips({ teamId: team.teamId, ids: parsed.data, deleted: true });
  if (owned.some((clip) => !can(member, 'generation:delete', clip))) {
    return { ok: false, error: 'You can restore only clips you made; nothing was restored.' };
  }
  const restored = await restoreFromTrash({ teamId: team.teamId, ids: owned.map((clip) => clip.id) });
  revalidatePath('/gallery');
  return { ok: true, data: { restored } };
}

/** Deletes the team's whole trash now, videos included (owners only). */
export async function emptyTrash(): Promise<ActionResult<{ deleted: number; waiting: number }>> {
  const auth = await authorize('trash:empty');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const teamId = auth.context.team.teamId;
  let deleted = 0;
  for (;;) {
    const purged = await purgeTrash({ before: new Date(Date.now() + 1), teamId });
    await deleteArchives(purged.archivePaths);
    deleted += purged.ids.length;
    if (purged.ids.length === 0) break;
  }
  revalidatePath('/gallery');
  return { ok: true, data: { deleted, waiting: await countTrash({ teamId }) } };
}

export async function saveGalleryView(input: { name: string; query: string }): Promise<ActionResult<{ id: string; name: string; query: string }>> {
  const auth = await authorize('gallery:save-view');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = savedViewSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  // Stored in canonical form, so a saved view is exactly the filters it was saved with.
  const query = toQueryString(parseGallerySearch(new URLSearchParams(parsed.data.query)).search);
  const { team, user } = auth.context;
  const view = await saveView({ teamId: team.teamId, userId: user.id, name: parsed.data.name, query });
  revalidatePath('/gallery');
  return { ok: true, data: { id: view.id, name: view.name, query: view.query } };
}

export async function deleteGalleryView(id: string): Promise<ActionResult<null>> {
  const auth = await authorize('gallery:save-view');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) return { ok: false, error: 'That view does not exist.' };
  const { team, user } = auth.context;
  if (!(await deleteSavedView({ id: parsed.data, teamId: team.teamId, userId: user.id }))) return { ok: false, error: 'That view does not exist.' };
  revalidatePath('/gallery');
  return { ok: true, data: null };
}

export type ImportResult = ActionResult<{ ids: string[] }, { clips?: string[] }>;

/**
 * Re-runs every recipe of a recipes.json (exact requests, seeds included) as new clips of this team.
 * All or nothing: any clip that cannot be prepared, or a batch over the cap or the hourly limit, stores nothing.
 */
export async function importRecipes(text: string): Promise<ImportResult> {
  const auth = await authorize('generation:create');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  if (typeof text !== 'string' || text.length > RECIPES_MAX_BYTES) return { ok: false, error: 'A recipes file is at most 900 KB; import fewer clips at a time.' };
  const parsed = parseRecipesFile(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { clips } = parsed.file;
  if (clips.length === 0) return { ok: false, error: 'This recipes file has no clips.' };
  const { team, user } = auth.context;
  const deps = trackerDeps();

  // Cost and the hourly limit first: they need no image, and a refused import should fetch nothing.
  const env = getEnv();
  const cost = costCents(clips.map((clip) => clip.recipe), env.prices);
  const budget = (await limitsFor(team.teamId)).sweepCapCents;
  if (cost > budget) return { ok: false, error: `Re-running ${clips.length} clips would cost about ${formatUsd(cost)}, over this team’s cap of ${formatUsd(budget)} per batch. Import fewer clips at a time.` };
  const quota = await checkSpend({ teamId: team.teamId, userId: user.id, requests: clips.map((clip) => clip.recipe), now: deps.now() });
  if (!quota.ok) return { ok: false, error: quota.message };

  const requests: GenerationRequest[] = [];
  const problems: string[] = [];
  const keptByLink = new Map<string, Awaited<ReturnType<typeof keepImageFromLink>>>();
  for (const [index, clip] of clips.entries()) {
    let request: GenerationRequest = clip.recipe;
    if (request.mode === 'image-to-video') {
      const link = request.imageUrls?.[0];
      // One download per distinct start frame, however many clips share it.
      const kept = link ? (keptByLink.get(link) ?? (await keepImageFromLink(link, { teamId: team.teamId, userId: user.id }))) : { ok: false as const, reason: 'No start frame link' };
      if (link) keptByLink.set(link, kept);
      if (!kept.ok) {
        problems.push(`Clip ${index + 1}: the start frame could not be used (${kept.reason})`);
        continue;
      }
      request = { ...request, imageId: kept.image.id };
    }
    const prepared = await prepareRequest(request, { teamId: team.teamId, publicUrl: deps.publicUrl });
    if (!prepared.ok) problems.push(`Clip ${index + 1}: ${Object.values(prepared.fieldErrors).flat().join(' ')}`);
    else requests.push({ ...prepared.request, seed: clip.recipe.seed });
  }
  if (problems.length) return { ok: false, error: 'Some clips cannot be re-run; nothing was started.', fieldErrors: { clips: problems } };

  // A clip re-run from one of this team's own clips keeps that clip as its parent: the lineage survives the trip.
  const known = new Set((await listOwnedClips({ teamId: team.teamId, ids: clips.map((clip) => clip.id) })).map((clip) => clip.id));
  const submitted = await withinLimits({ teamId: team.teamId, userId: user.id, requests, now: deps.now() }, (guard) =>
    submitGenerations({ userId: user.id, teamId: team.teamId, requests, parentIds: clips.map((clip) => (known.has(clip.id) ? clip.id : undefined)), guard }, deps),
  );
  if (!submitted.ok) return { ok: false, error: submitted.message };
  const rows = submitted.value;
  revalidatePath('/gallery');
  return { ok: true, data: { ids: rows.map((row) => row.id) } };
}
