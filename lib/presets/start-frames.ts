import 'server-only';
import { listImagesByIds } from '@/db/queries/storage';
import type { Image } from '@/db/schema';
import { imageFileExists } from '@/lib/storage/image-files';
import { presetFrameId, type PresetStartImage } from './schemas';

// A shared setup names a start frame of its team. It is read back for the member asking, in their team only,
// so a preset can never hand anyone a frame their team does not hold.

export function startImageView(image: Pick<Image, 'id' | 'fileName' | 'width' | 'height'>): PresetStartImage {
  return { id: image.id, previewUrl: `/i/${image.fileName}`, width: image.width, height: image.height };
}

/** The start frames these saved setups name that the team still has (record and file), by image id. */
export async function presetStartFrames(settings: unknown[], teamId: string): Promise<Map<string, PresetStartImage>> {
  const ids = [...new Set(settings.map(presetFrameId).filter((id) => id !== undefined))];
  const found = await listImagesByIds({ ids, teamId });
  const onDisk = await Promise.all(found.map(async (image) => ((await imageFileExists(image.fileName)) ? [startImageView(image)] : [])));
  return new Map(onDisk.flat().map((frame) => [frame.id, frame]));
}

/** What a preset view says of its frame: none, the frame, or `missing` when the team no longer has it. */
export function startImageOf(settings: unknown, frames: ReadonlyMap<string, PresetStartImage>): PresetStartImage | 'missing' | null {
  const id = presetFrameId(settings);
  return id === undefined ? null : (frames.get(id) ?? 'missing');
}
