'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addTags, countTrash, listOwnedClips, moveToTrash, removeTag, restoreFromTrash, setFavorite } from '@/db/queries/curation';
import { deleteSavedView, saveView } from '@/db/queries/saved-views';
import { fail, ok, teamAction, type ActionResult } from '@/lib/actions';
import { can } from '@/lib/auth/authz';
import { getEnv } from '@/lib/env';
import { parseRecipesFile, RECIPES_UPLOAD_MAX_BYTES } from '@/lib/export/recipes-file';
import { clipIdsSchema, parseGallerySearch, savedViewSchema, tagSchema, tagsInputSchema, toQueryString } from '@/lib/gallery/schemas';
import { purgeTrashed } from '@/lib/gallery/trash';
import { withAvailableDelivery } from '@/lib/generation/recipe';
import type { GenerationRequest } from '@/lib/generation/schema';
import { linkKeeper } from '@/lib/start/keep-links';
import { importOverCap } from '@/lib/start/refusal-message';
import { precheckStart, startClips } from '@/lib/start/start-clips';
import { trackerDeps } from '@/lib/tasks/deps';
import { notifyQueueMoved } from '@/lib/tasks/notify';

// Under Next's 1 MB limit on a server action's body; 500 recipes take about 300 KB.
const INVALID = 'That request is not valid.';
const VIEW_NOT_FOUND = 'That view does not exist.';
/** Anything but `true` is false, as it always was: the flag is never a reason to refuse. */
const flagSchema = z.unknown().transform((value) => value === true);

export const favoriteClips = teamAction('generation:favorite', [clipIdsSchema, flagSchema], async ([ids, favorite], { team }): Promise<ActionResult<{ changed: number }>> => {
  const live = await listOwnedClips({ teamId: team.teamId, ids });
  const changed = await setFavorite({ teamId: team.teamId, ids: live.map((clip) => clip.id), favorite });
  revalidatePath('/gallery');
  return ok({ changed });
});

export const tagClips = teamAction('generation:curate', [clipIdsSchema, tagsInputSchema], async ([ids, tags], { team }): Promise<ActionResult<{ tags: string[] }>> => {
  const owned = await listOwnedClips({ teamId: team.teamId, ids });
  const unique = [...new Set(tags)];
  await addTags({ teamId: team.teamId, ids: owned.map((clip) => clip.id), tags: unique });
  revalidatePath('/gallery');
  return ok({ tags: unique });
});

export const untagClips = teamAction(
  'generation:curate',
  [clipIdsSchema, tagSchema],
  async ([ids, tag], { team }): Promise<ActionResult<null>> => {
    const live = await listOwnedClips({ teamId: team.teamId, ids });
    await removeTag({ teamId: team.teamId, ids: live.map((clip) => clip.id), tag });
    revalidatePath('/gallery');
    return ok(null);
  },
  INVALID,
);

/** Soft delete: refused as a whole when any selected clip is one this member may not delete. */
export const trashClips = teamAction('generation:delete', clipIdsSchema, async (ids, { team, member, user }): Promise<ActionResult<{ ids: string[] }>> => {
  const owned = await listOwnedClips({ teamId: team.teamId, ids });
  if (owned.some((clip) => !can(member, 'generation:delete', clip))) return fail('You can delete only clips you made; nothing was deleted.');
  const moved = owned.map((clip) => clip.id);
  await moveToTrash({ teamId: team.teamId, ids: moved, userId: user.id, now: new Date(), prices: getEnv().prices });
  // A trashed clip that was waiting is cancelled: the places behind it move.
  if (owned.some((clip) => clip.state === 'queued')) notifyQueueMoved();
  revalidatePath('/gallery');
  return ok({ ids: moved });
});

export const restoreClips = teamAction('generation:delete', clipIdsSchema, async (ids, { team, member }): Promise<ActionResult<{ restored: number }>> => {
  const owned = await listOwnedClips({ teamId: team.teamId, ids, deleted: true });
  if (owned.some((clip) => !can(member, 'generation:delete', clip))) return fail('You can restore only clips you made; nothing was restored.');
  const restored = await restoreFromTrash({ teamId: team.teamId, ids: owned.map((clip) => clip.id) });
  revalidatePath('/gallery');
  return ok({ restored });
});

/** Deletes the team's whole trash now, videos included (owners only). */
export const emptyTrash = teamAction('trash:empty', [], async (_, { team }): Promise<ActionResult<{ deleted: number; waiting: number }>> => {
  const deleted = await purgeTrashed({ before: new Date(Date.now() + 1), teamId: team.teamId });
  revalidatePath('/gallery');
  return ok({ deleted, waiting: await countTrash({ teamId: team.teamId }) });
});

export const saveGalleryView = teamAction('gallery:save-view', savedViewSchema, async (input, { team, user }): Promise<ActionResult<{ id: string; name: string; query: string }>> => {
  // Stored in canonical form, so a saved view is exactly the filters it was saved with.
  const query = toQueryString(parseGallerySearch(new URLSearchParams(input.query)).search);
  const view = await saveView({ teamId: team.teamId, userId: user.id, name: input.name, query });
  revalidatePath('/gallery');
  return ok({ id: view.id, name: view.name, query: view.query });
});

export const deleteGalleryView = teamAction(
  'gallery:save-view',
  z.uuid(),
  async (id, { team, user }): Promise<ActionResult<null>> => {
    if (!(await deleteSavedView({ id, teamId: team.teamId, userId: user.id }))) return fail(VIEW_NOT_FOUND);
    revalidatePath('/gallery');
    return ok(null);
  },
  VIEW_NOT_FOUND,
);

export type ImportResult = ActionResult<{ ids: string[] }, { clips?: string[] }>;
const recipesTextSchema = z.string().max(RECIPES_UPLOAD_MAX_BYTES);

/**
 * Re-runs every recipe of a recipes.json (exact requests, seeds included) as new clips of this team.
 * All or nothing: any clip that cannot be prepared, or a batch over the cap or the hourly limit, stores nothing.
 */
export const importRecipes = teamAction(
  'generation:create',
  recipesTextSchema,
  async (text, { team, user }): Promise<ImportResult> => {
    const parsed = parseRecipesFile(text);
    if (!parsed.ok) return fail(parsed.message);
    const { clips } = parsed.file;
    if (clips.length === 0) return fail('This recipes file has no clips.');
    const owner = { teamId: team.teamId, userId: user.id };
    const deps = trackerDeps();

    // Cost and the hourly limit first: they need no image, and a refused import should fetch nothing.
    const early = await precheckStart({ ...owner, requests: clips.map((clip) => clip.recipe), overCap: importOverCap, now: deps.now() });
    if (!early.ok) return fail(early.message);

    const requests: GenerationRequest[] = [];
    const problems: string[] = [];
    const keep = linkKeeper(owner, deps.publicUrl);
    for (const [index, clip] of clips.entries()) {
      const kept = await keep(withAvailableDelivery(clip.recipe, Boolean(deps.publicUrl)));
      if (!kept.ok) problems.push(`Clip ${index + 1}: ${kept.message}`);
      else requests.push({ ...kept.request, seed: clip.recipe.seed });
    }
    if (problems.length) return fail('Some clips cannot be re-run; nothing was started.', { clips: problems });

    // A clip re-run from one of this team's own clips keeps that clip as its parent: the lineage survives the trip.
    const known = new Set((await listOwnedClips({ teamId: team.teamId, ids: clips.map((clip) => clip.id) })).map((clip) => clip.id));
    const started = await startClips({ ...owner, requests, parentIds: clips.map((clip) => (known.has(clip.id) ? clip.id : undefined)) }, deps);
    if (!started.ok) return fail(started.message);
    revalidatePath('/gallery');
    return ok({ ids: started.rows.map((row) => row.id) });
  },
  'A recipes file is at most 900 KB; import fewer clips at a time.',
);
