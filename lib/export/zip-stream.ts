// Export zips through zip-stream, archiver's core (STORE: videos are already compressed; ZIP64 where needed),
// as a pull-based web stream. Ours on top: clean unique names, regular files only, one file open at a time.
import 'server-only';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type ZipStream from 'zip-stream';
import { NativeCrcZipStream } from './native-crc-zip';

/** A file on disk, bytes in memory, or a stream opened when its turn comes (`bytes`: its expected length, checked). */
export type ZipSource = { path: string } | { bytes: Uint8Array | string } | { open(): Promise<Readable>; bytes?: number; date?: Date };
export type ZipEntry = { name: string; source: ZipSource };

// Reads of this size keep what waits in the library's two pipes near a megabyte (about four chunks).
const CHUNK_BYTES = 256 * 1024;
const MAX_NAME_BYTES = 0xffff;
const FILE_MODE = 0o644;

/** The streams being read into the zip now, and whether the download was cancelled. */
type OpenStreams = Set<Readable> & { cancelled: boolean };

/** A zip of the entries, in their order; file bytes are read only as fast as the consumer drains the stream. */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const zip = new NativeCrcZipStream({ store: true });
  const open: OpenStreams = Object.assign(new Set<Readable>(), { cancelled: false });
  addAll(zip, entries, open).catch((error: unknown) => zip.destroy(error instanceof Error ? error : new Error(String(error))));
  const chunks: AsyncIterator<Buffer> = zip[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      // The library has no abort: close the file or stream being read ourselves, then drop the zip.
      open.cancelled = true;
      await Promise.all([...open].map((stream) => new Promise<void>((closed) => stream.once('close', () => closed()).destroy(new Error('The download was cancelled.')))));
      await chunks.return?.();
    },
  });
}

/** Keeps names inside the archive: no absolute paths, no `..`, no empty segments or control characters. */
export function safeEntryName(name: string): string {
  const segments = name
    .replaceAll('\\', '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .map((segment) => segment.replace(/\p{Cc}/gu, '_'));
  if (segments.length === 0) throw new Error(`Zip entry name is empty after cleaning: ${JSON.stringify(name)}`);
  return segments.join('/');
}

async function addAll(zip: ZipStream, entries: AsyncIterable<ZipEntry>, open: OpenStreams): Promise<void> {
  const seen = new Set<string>();
  for await (const entry of entries) {
    const name = safeEntryName(entry.name);
    if (seen.has(name)) throw new Error(`Duplicate zip entry name: ${name}`);
    seen.add(name);
    if (Buffer.byteLength(name) > MAX_NAME_BYTES) throw new Error(`Zip entry name too long: ${name.slice(0, 80)}…`);
    const { source } = entry;
    if ('open' in source) {
      await addStream(zip, name, source, open);
    } else if ('bytes' in source) {
      const bytes = typeof source.bytes === 'string' ? Buffer.from(source.bytes, 'utf8') : Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
      await add(zip, bytes, { name, store: true, mode: FILE_MODE, date: new Date() });
    } else {
      await addFile(zip, name, source.path, open);
    }
  }
  zip.finalize();
}

/** Streams one file into the zip; resolves once its last byte is in (the library takes one entry at a time). */
async function addFile(zip: ZipStream, name: string, file: string, open: OpenStreams): Promise<void> {
  const handle = await fs.promises.open(file, 'r');
  let stream: fs.ReadStream | undefined;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`Not a regular file: ${file}`);
    stream = handle.createReadStream({ highWaterMark: CHUNK_BYTES });
    open.add(stream);
    stream.once('close', () => open.delete(stream as Readable));
    const size = await add(zip, stream, { name, store: true, mode: FILE_MODE, date: stat.mtime });
    if (size !== stat.size) throw new Error(`${name} changed while it was being zipped (${stat.size} → ${size} bytes)`);
  } finally {
    // The stream closes the handle itself once it has one.
    if (!stream) await handle.close();
  }
}

/** Streams one opened source into the zip, one at a time like files; a length other than the expected one fails the zip. */
async function addStream(zip: ZipStream, name: string, source: { open(): Promise<Readable>; bytes?: number; date?: Date }, open: OpenStreams): Promise<void> {
  const stream = await source.open();
  // Cancelled while it was being opened (a bucket's round trip): let it go at once, never into a dropped zip.
  if (open.cancelled) {
    stream.destroy();
    throw new Error('The download was cancelled.');
  }
  open.add(stream);
  stream.once('close', () => open.delete(stream));
  try {
    const size = await add(zip, stream, { name, store: true, mode: FILE_MODE, date: source.date ?? new Date() });
    if (source.bytes !== undefined && size !== source.bytes) throw new Error(`${name} changed while it was being zipped (${source.bytes} → ${size} bytes)`);
  } finally {
    stream.destroy();
  }
}

type EntryData = { name: string; store: true; mode: number; date: Date };

/** zip-stream's callback `entry()` as a promise of the entry's uncompressed size. */
function add(zip: ZipStream, source: Buffer | Readable, data: EntryData): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.entry(source, data, (error, entry) => (error ? reject(error) : resolve(entry?.getSize() ?? 0)));
  });
}
