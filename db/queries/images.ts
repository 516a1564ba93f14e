import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { images, type Image } from '../schema';

export async function insertImage(values: typeof images.$inferInsert): Promise<Image> {
  return getDb().insert(images).values(values).returning().get();
}

export async function getImageById({ id, teamId }: { id: string; teamId: string }): Promise<Image | undefined> {
  return getDb().select().from(images).where(and(eq(images.id, id), eq(images.teamId, teamId))).get();
}

/** For the public file route: the unguessable file name is the only key. */
export async function getImageByFileName({ fileName }: { fileName: string }): Promise<Image | undefined> {
  return getDb().select().from(images).where(eq(images.fileName, fileName)).get();
}
