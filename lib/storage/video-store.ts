import type { Readable } from 'node:stream';

export type StoredObject = { key: string; sha256: string; bytes: number };
export type PutOptions = { maxBytes: number; accept(head: Uint8Array): boolean };

/** Where archived videos live, and the only module that knows where: local disk today, object storage can implement the same shape. */
export type VideoStore = {
  put(key: string, body: AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredObject>;
  size(key: string): Promise<number | undefined>;
  read(key: string, range?: { start: number; end: number }): Readable;
  /** Deletes an object; a missing one is not an error. */
  remove(key: string): Promise<void>;
  /** Drops half-written files a crash left behind; call once at start, before any archive runs. */
  removePartials(): Promise<number>;
  /** The object as a file on this machine, for tools that read files (ffmpeg, the export's zip writer). */
  localPath(key: string): string;
  /** Throws DiskFullError unless `bytes` more can be stored with the disk reserve still free. */
  ensureRoom(bytes: number): Promise<void>;
};

export class ArchiveRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveRejectedError';
  }
}

/**
 * MP4 / MOV only: an `ftyp` box first (size, then "ftyp" at offset 4). The service returns MP4 and
 * imports are our own exports; anything else (WebM, playlists, scripts) never reaches ffmpeg.
 */
export function isVideoHead(head: Uint8Array): boolean {
  if (head.length < 12) return false;
  const size = ((head[0] ?? 0) << 24) | ((head[1] ?? 0) << 16) | ((head[2] ?? 0) << 8) | (head[3] ?? 0);
  const ftyp = head[4] === 0x66 && head[5] === 0x74 && head[6] === 0x79 && head[7] === 0x70;
  // size 0 = "to the end of the file", 1 = a 64-bit size follows: neither is a real ftyp box.
  return ftyp && size >= 12;
}
