'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addTags, countTrash, listOwnedClips, moveToTrash, purgeTrash, removeTag, restoreFromTrash, setFavorite } from '@/db/queries/curation';
import { deleteSavedView, saveView } from '@/db/queries/saved-views';
import { refusal, type ActionResult } from '@/lib/action-result';
import { can } from '@/lib/auth/authz';
import { authorize } from '@/lib/auth/session';
import { clipIdsSchema, savedViewSchema, tagsInputSchema } from '@/lib/gallery/commands';
import { parseGallerySearch, tagSchema, toQueryString } from '@/lib/gallery/filters';
import { deleteArchives } from '@/lib/storage/delete-archives';

function firstError(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'That request is not valid.';
}

export async function favoriteClips(ids: string[], favorite: boolean): Promise<ActionResult<{ changed: number }>> {
  const auth = await authorize('generation:favorite');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = clipIdsSchema.safeParse(ids);
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  const changed = await setFavorite({ teamId: auth.context.team.teamId, ids: parsed.data, favorite: favorite === true });
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
  await removeTag({ teamId: auth.context.team.teamId, ids: parsedIds.data, tag: parsedTag.data });
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
  await moveToTrash({ teamId: team.teamId, ids: moved, userId: user.id, now: new Date() });
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
