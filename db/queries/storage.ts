import 'server-only';
import { and, eq, inArray, isNotNull, sql, sum } from 'drizzle-orm';
import { getDb } from '../index';
import { generations, images, type Image } from '../schema';

// What a team keeps on our disk: its start frames (the images table) and the bytes of everything it stores.

export async function insertImage(values: typeof images.$inferInsert): Promise<Image> {
  return getDb().insert(images).values(values).returning().get();
}

export async function getImageById({ id, teamId }: { id: string; teamId: string }): Promise<Image | undefined> {
  return getDb().select().from(images).where(and(eq(images.id, id), eq(images.teamId, teamId))).get();
}

/** The team's images among these ids (another team's are left out): found by primary key, then checked against the team. */
export async function listImagesByIds({ ids, teamId }: { ids: string[]; teamId: string }): Promise<Image[]> {
  if (ids.length === 0) return [];
  return getDb()
    .select()
    .from(images)
    .where(and(inArray(images.id, ids), sql`+${images.teamId} = ${teamId}`))
    .all();
}

/** For the public file route: the unguessable file name is the only key. */
export async function getImageByFileName({ fileName }: { fileName: string }): Promise<Image | undefined> {
  return getDb().select().from(images).where(eq(images.fileName, fileName)).get();
}

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
