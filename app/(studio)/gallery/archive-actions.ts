'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getGenerationById, updateGeneration } from '@/db/queries/generations';
import { refusal, type ActionResult } from '@/lib/action-result';
import { authorize } from '@/lib/auth/session';
import type { GenerationView } from '@/lib/generation/view';
import { LINK_EXPIRED, linkExpiryOf } from '@/lib/generation/link-expiry';
import { archiveGeneration } from '@/lib/storage/archive';
import { notifyChanged } from '@/lib/tasks/notify';
import { viewOf } from '@/lib/generation/view-of';

/** How long Retry now waits for the attempt before answering with the clip as it stands. */
const ANSWER_WITHIN_MS = 15_000;
const NOT_FOUND = 'That clip does not exist.';

/** *Retry now* on a finished clip we have no copy of yet: the next attempt is now, and it starts at once. */
export async function retryArchive(id: string): Promise<ActionResult<GenerationView>> {
  const auth = await authorize('generation:create');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) return { ok: false, error: NOT_FOUND };
  const scope = { id: parsed.data, teamId: auth.context.team.teamId };
  const row = await getGenerationById(scope);
  if (!row) return { ok: false, error: NOT_FOUND };
  if (row.archivedAt) return { ok: true, data: await viewOf(row) };
  if (row.state !== 'success' || !row.resultUrls?.[0]) return { ok: false, error: 'This clip has no finished video to save.' };
  const now = new Date();
  if (now >= linkExpiryOf(row)) return { ok: false, error: `${LINK_EXPIRED}; it can no longer be saved.` };

  await updateGeneration({ id: row.id, values: { archiveNextAt: now } });
  // The outcome is in the row either way (saved, or the new error and next attempt).
  const attempt = archiveGeneration(row.id, { onChange: notifyChanged }).then(
    () => undefined,
    () => undefined,
  );
  await Promise.race([attempt, new Promise((resolve) => setTimeout(resolve, ANSWER_WITHIN_MS).unref())]);
  const fresh = await getGenerationById(scope);
  if (!fresh) return { ok: false, error: NOT_FOUND };
  revalidatePath(`/gallery/${row.id}`);
  return { ok: true, data: await viewOf(fresh) };
}
