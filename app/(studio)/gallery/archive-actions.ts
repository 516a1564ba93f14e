'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getGenerationById } from '@/db/queries/generations';
import { updateGeneration } from '@/db/queries/tracker';
import { fail, ok, teamAction, type ActionResult } from '@/lib/actions';
import type { GenerationView } from '@/lib/generation/view';
import { LINK_EXPIRED, linkExpiryOf } from '@/lib/generation/timings';
import { archiveGeneration } from '@/lib/storage/archive';
import { notifyChanged } from '@/lib/tasks/notify';
import { loadView } from '@/lib/gallery/load';

/** How long Retry now waits for the attempt before answering with the clip as it stands. */
const ANSWER_WITHIN_MS = 15_000;
const NOT_FOUND = 'That clip does not exist.';

/** *Retry now* on a finished clip we have no copy of yet: the next attempt is now, and it starts at once. */
export const retryArchive = teamAction(
  'generation:create',
  z.uuid(),
  async (id, { team }): Promise<ActionResult<GenerationView>> => {
    const scope = { id, teamId: team.teamId };
    const row = await getGenerationById(scope);
    if (!row) return fail(NOT_FOUND);
    if (row.archivedAt) return ok(await loadView(row));
    if (row.state !== 'success' || !row.resultUrls?.[0]) return fail('This clip has no finished video to save.');
    const now = new Date();
    if (now >= linkExpiryOf(row)) return fail(`${LINK_EXPIRED}; it can no longer be saved.`);

    await updateGeneration({ id: row.id, values: { archiveNextAt: now } });
    // The outcome is in the row either way (saved, or the new error and next attempt).
    const attempt = archiveGeneration(row.id, { onChange: notifyChanged }).then(
      () => undefined,
      () => undefined,
    );
    await Promise.race([attempt, new Promise((resolve) => setTimeout(resolve, ANSWER_WITHIN_MS).unref())]);
    const fresh = await getGenerationById(scope);
    if (!fresh) return fail(NOT_FOUND);
    revalidatePath(`/gallery/${row.id}`);
    return ok(await loadView(fresh));
  },
  NOT_FOUND,
);
