import crypto from 'node:crypto';
import { ArchiveRejectedError, type PutOptions, type StoredObject } from './video-store';

const HEAD_BYTES = 16;

export type CheckedBody = {
  /** The body's chunks, passed on only while within `maxBytes` and (from its 16th byte) accepted. */
  chunks: AsyncGenerator<Uint8Array>;
  /** The running byte count, and once `chunks` is done the whole body's sha256. */
  result(): Omit<StoredObject, 'key'>;
};

/**
 * The checks every store's `put` makes as the bytes pass: a running sha256 and byte count, the size cap
 * (ArchiveRejectedError the moment it is passed) and `accept(head)` on the first 16 bytes (as soon as they
 * are in, and again at the end for a shorter body). A store writes only what this yields, and must
 * discard what it wrote when iterating throws.
 */
export function checkedBody(body: AsyncIterable<Uint8Array>, { maxBytes, accept }: PutOptions): CheckedBody {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  let sha256 = '';
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let head: Uint8Array = new Uint8Array(0);
    let accepted = false;
    for await (const chunk of body) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw new ArchiveRejectedError(`larger than ${maxBytes} bytes`);
      if (head.byteLength < HEAD_BYTES) head = concat(head, chunk).subarray(0, HEAD_BYTES);
      if (!accepted && head.byteLength >= HEAD_BYTES) {
        if (!accept(head)) throw new ArchiveRejectedError('not a video file');
        accepted = true;
      }
      hash.update(chunk);
      yield chunk;
    }
    if (bytes === 0 || (!accepted && !accept(head))) throw new ArchiveRejectedError('not a video file');
    sha256 = hash.digest('hex');
  }
  return { chunks: chunks(), result: () => ({ sha256, bytes }) };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
