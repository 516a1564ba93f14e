import type { Readable } from 'node:stream';

export type StoredObject = { key: string; sha256: string; bytes: number };
export type PutOptions = { maxBytes: number; accept(head: Uint8Array): boolean };
/** A file on this machine holding the object's bytes, for tools that read files (ffmpeg); `release` when done. */
export type LocalCopy = { path: string; release(): Promise<void> };

/**
 * Where archived videos live, and the only modules that know where: local disk (local-video-store.ts) or an
 * S3-compatible bucket (s3-video-store.ts). Keys match /^[\w.-]+$/; every method takes them as given.
 */
export type VideoStore = {
  /** Streams `body` in, refusing it (ArchiveRejectedError) past `maxBytes` or unless `accept(head)`; an object appears whole or not at all. */
  put(key: string, body: AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredObject>;
  /** The object's size in bytes; undefined when there is none. */
  size(key: string): Promise<number | undefined>;
  /** The object's bytes (inclusive `range`), streamed; rejects with MissingObjectError when there is none. */
  read(key: string, range?: { start: number; end: number }): Promise<Readable>;
  /** Deletes an object; a missing one is not an error. */
  remove(key: string): Promise<void>;
  /** Drops half-written files a crash left behind on this machine; call once at start, before any archive runs. */
  removePartials(): Promise<number>;
  /** The object as a local file (the file itself on disk, a temporary download from a bucket); undefined when missing. */
  localCopy(key: string): Promise<LocalCopy | undefined>;
  /** Throws DiskFullError unless `bytes` more can be stored with the disk reserve still free. */
  ensureRoom(bytes: number): Promise<void>;
};

export class ArchiveRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveRejectedError';
  }
}

/** read() of a key that holds nothing (never archived, or deleted meanwhile). */
export class MissingObjectError extends Error {
  constructor(key: string) {
    super(`No stored video under ${key}`);
    this.name = 'MissingObjectError';
  }
}

/** The one key alphabet of both stores: no slashes, so a key never names a directory or another prefix. */
export function checkedKey(key: string): string {
  if (!/^[\w.-]+$/.test(key)) throw new Error(`Invalid storage key: ${key}`);
  return key;
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
