import 'server-only';
import { purgeTrash } from '@/db/queries/curation';
import { getVideoStore } from '@/lib/storage/video-storage';
import { log } from '@/lib/ops/log';
import { removePoster } from '@/lib/storage/poster';
import { removeTaggedCopy } from '@/lib/export/tagged-copy';

/** Deleted clips stay restorable this long, then go for good with their videos. */
export const TRASH_DAYS = 30;

/** When a clip trashed before this moment has been kept long enough. */
export const trashExpiry = (now: Date): Date => new Date(now.getTime() - TRASH_DAYS * 24 * 60 * 60_000);

/**
 * Deletes for good every clip trashed before `before` (of one team, or of every team), videos included,
 * a batch at a time; answers how many went. Empty trash and the sweeper's 30-day purge both use it.
 */
export async function purgeTrashed({ before, teamId }: { before: Date; teamId?: string }): Promise<number> {
  let deleted = 0;
  for (;;) {
    const purged = await purgeTrash({ before, teamId });
    await deleteArchives(purged.archivePaths);
    deleted += purged.ids.length;
    if (purged.ids.length === 0) return deleted;
  }
}

/**
 * Removes the archived videos (and posters, and tagged copies) of clips deleted for good. Their rows are already gone, so one
 * failure (the bucket not answering) must not stop the rest: each is tried, and what stays is logged by key.
 */
async function deleteArchives(keys: string[]): Promise<void> {
  const store = getVideoStore();
  for (const key of keys) {
    try {
      await store.remove(key);
      await removePoster(key);
      await removeTaggedCopy(key);
    } catch (error) {
      log().error({ event: 'trash', key, error: error instanceof Error ? error.message : String(error) }, 'a purged clip’s video could not be removed; remove it by hand');
    }
  }
}
