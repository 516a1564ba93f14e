// zip-stream computes a streamed entry's CRC-32 in JavaScript (the `crc-32` package, ≈350 MiB/s on these
// machines), which made a 2 GB export 2–3× slower than with Node's native `zlib.crc32` (GB/s; `crc32` in
// zip-checks.ts uses it, with a table for the Node 20 releases before 20.15). This subclass
// changes only that: the same digest and size reach the same entry, so the bytes written are identical.
// It replaces `_smartStream`, the one place zip-stream 7.0.5 (pinned) builds its CRC stream; a version that
// renamed it would fall back to the library's own code, and the export tests (`unzip -t`) check every CRC.
import 'server-only';
import { Transform, type TransformCallback, type Writable } from 'node:stream';
import type { ZipArchiveEntry } from 'compress-commons';
import type { CRC32Stream } from 'crc32-stream';
import ZipStream from 'zip-stream';
import { crc32 } from './zip-checks';

class NativeCrc32Stream extends Transform {
  private checksum = 0;
  private bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.checksum = crc32(chunk, this.checksum);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  digest(): Buffer {
    const digest = Buffer.allocUnsafe(4);
    digest.writeUInt32BE(this.checksum >>> 0, 0);
    return digest;
  }

  size(): number {
    return this.bytes;
  }
}

const STORED = 0;

/** A STORE-only zip-stream whose streamed entries are checksummed natively. */
export class NativeCrcZipStream extends ZipStream {
  override _smartStream(entry: ZipArchiveEntry, callback: (error: Error | null, entry?: ZipArchiveEntry) => void): CRC32Stream {
    if (entry.getMethod() !== STORED) throw new Error('Export zips store entries; deflate is not used.');
    const crc = new NativeCrc32Stream();
    let failure: Error | null = null;
    crc.once('error', (error: Error) => {
      failure = error;
    });
    crc.once('end', () => {
      entry.setCrc(crc.digest().readUInt32BE(0));
      entry.setSize(crc.size());
      entry.setCompressedSize(crc.size());
      this._afterAppend(entry);
      callback(failure, entry);
    });
    crc.pipe(this as unknown as Writable, { end: false });
    // The library reads only what CRC32Stream's type promises: digest() and size().
    return crc as unknown as CRC32Stream;
  }
}
