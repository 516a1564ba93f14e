import 'server-only';
import { and, eq, isNotNull, sum } from 'drizzle-orm';
import { getDb } from '../index';
import { generations, images } from '../schema';

/** Bytes a team keeps on our disk: its archived videos (trashed ones too, until purged) and its start frames. */
export async function getTeamStorageUsage({ teamId }: { teamId: string }): Promise<{ videoBytes: number; imageBytes: number; totalBytes: number }> {
  const db = getDb();
  const videos = db
    .select({ bytes: sum(generations.archiveBytes) })
    .from(generations)
    .where(and(eq(generations.teamId, teamId), isNotNull(generations.archivePath)))
    .get();
  const frames = db.select({ bytes: sum(images.bytes) }).from(images).where(eq(images.teamId, teamId)).get();
  const videoBytes = Number(videos?.bytes ?? 0);
  const imageBytes = Number(frames?.bytes ?? 0);
  return { videoBytes, imageBytes, totalBytes: videoBytes + imageBytes };
}
