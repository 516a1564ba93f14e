import { parseBlob } from 'music-metadata';
import { readClipTag, type ClipTag } from './clip-tag';

/** The largest file looked into: clips are a few MB; a tag sits in the moov box, read without the media. */
const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * The Wan Studio recipe inside an MP4 someone dropped or picked (in the browser): the `comment` tag that every
 * file we hand out carries, read with music-metadata (the container's boxes only, not the media).
 */
export async function readClipFile(file: Blob & { name?: string }): Promise<{ ok: true; tag: ClipTag } | { ok: false; message: string }> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: 'This file is too large to be one of our clips.' };
  const head = new Uint8Array(await file.slice(4, 8).arrayBuffer());
  if (String.fromCharCode(...head) !== 'ftyp') return { ok: false, message: 'This is not an MP4 video: drop a clip downloaded from Wan Studio.' };
  try {
    const { common } = await parseBlob(file, { duration: false, skipCovers: true, skipPostHeaders: true });
    return readClipTag(common.comment?.[0]?.text);
  } catch {
    return { ok: false, message: 'This video cannot be read: it may be damaged or incomplete.' };
  }
}
