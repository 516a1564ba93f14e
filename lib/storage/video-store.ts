import type { Readable } from 'node:stream';

export type StoredObject = { key: string; sha256: string; bytes: number };
export type PutOptions = { maxBytes: number; accept(head: Uint8Array): boolean };

/** Where archived videos live; local disk today, object storage can implement the same shape. */
export type VideoStore = {
  put(key: string, body: AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredObject>;
  size(key: string): Promise<number | undefined>;
  read(key: string, range?: { start: number; end: number }): Readable;
  /** Deletes an object; a missing one is not an error. */
  remove(key: string): Promise<void>;
  /** Drops half-written files a crash left behind; call once at start, before any archive runs. */
  removePartials(): Promise<number>;
};

export class ArchiveRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveRejectedError';
  }
}

/** MP4 (`ftyp` box at offset 4) or WebM (EBML magic). */
export function isVideoHead(head: Uint8Array): boolean {
  const ftyp = head[4] === 0x66 && head[5] === 0x74 && head[6] === 0x79 && head[7] === 0x70;
  const ebml = head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3;
  return ftyp || ebml;
}
