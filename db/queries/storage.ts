import 'server-only';
import { and, eq, inArray, isNotNull, sql, sum } from 'drizzle-orm';
import { getDb } from '../index';
import { type AudioTrack, audioTracks, chains, generations, images, type Image } from '../schema';

// What a team keeps on our disk: its start frames (images), its sound tracks (audio_tracks) and the bytes of everything it stores.

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

export async function insertAudioTrack(values: typeof audioTracks.$inferInsert): Promise<AudioTrack> {
  return getDb().insert(audioTracks).values(values).returning().get();
}

export async function getAudioTrackById({ id, teamId }: { id: string; teamId: string }): Promise<AudioTrack | undefined> {
  return getDb().select().from(audioTracks).where(and(eq(audioTracks.id, id), eq(audioTracks.teamId, teamId))).get();
}

export async function getAudioTrackByFileName({ fileName }: { fileName: string }): Promise<AudioTrack | undefined> {
  return getDb().select().from(audioTracks).where(eq(audioTracks.fileName, fileName)).get();
}

/** Bytes a team keeps on our disk: its archived videos (trashed ones too, until purged), start frames and sound tracks. */
export async function getTeamStorageUsage({ teamId }: { teamId: string }): Promise<{ videoBytes: number; imageBytes: number; audioBytes: number; totalBytes: number }> {
  const db = getDb();
  const videos = db
    .select({ bytes: sum(generations.archiveBytes) })
    .from(generations)
    .where(and(eq(generations.teamId, teamId), isNotNull(generations.archivePath)))
    .get();
  const frames = db.select({ bytes: sum(images.bytes) }).from(images).where(eq(images.teamId, teamId)).get();
  const tracks = db.select({ bytes: sum(audioTracks.bytes) }).from(audioTracks).where(eq(audioTracks.teamId, teamId)).get();
  // A chain's render is a video of the team's too.
  const renders = db.select({ bytes: sum(chains.renderBytes) }).from(chains).where(and(eq(chains.teamId, teamId), isNotNull(chains.renderKey))).get();
  const videoBytes = Number(videos?.bytes ?? 0) + Number(renders?.bytes ?? 0);
  const imageBytes = Number(frames?.bytes ?? 0);
  const audioBytes = Number(tracks?.bytes ?? 0);
  return { videoBytes, imageBytes, audioBytes, totalBytes: videoBytes + imageBytes + audioBytes };
}
