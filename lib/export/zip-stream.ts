// Own STORE writer, not archiver: ~200 lines, pull-based web stream end to end, exact ZIP64, no Node-stream dependency tree.
import 'server-only';
import fs from 'node:fs';
import zlib from 'node:zlib';

export type ZipSource = { path: string } | { bytes: Uint8Array | string };
export type ZipEntry = { name: string; source: ZipSource };

const CHUNK_BYTES = 1 << 20;
const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;
const VERSION_PLAIN = 20;
const VERSION_ZIP64 = 45;
const MADE_BY_UNIX = 3 << 8;
// Bit 3: CRC and sizes follow the data (we learn the CRC while streaming); bit 11: UTF-8 names.
const FLAGS = 0x0008 | 0x0800;
const FILE_MODE = 0o100644;

type Written = { name: Buffer; crc: number; size: number; offset: number; modified: Date; zip64Local: boolean };
type Opened = { size: number; modified: Date; chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>; close(): Promise<void> };

/** A zip of the entries, produced only as fast as the consumer reads it (one chunk of read-ahead). */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const chunks = zipChunks(entries);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      // Runs the generator's finally blocks, so an open file is closed when the download is aborted.
      await chunks.return(undefined);
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

async function* zipChunks(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array, void, undefined> {
  const written: Written[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for await (const entry of entries) {
    const cleanName = safeEntryName(entry.name);
    if (seen.has(cleanName)) throw new Error(`Duplicate zip entry name: ${cleanName}`);
    seen.add(cleanName);
    const name = Buffer.from(cleanName, 'utf8');
    if (name.length > MAX_16) throw new Error(`Zip entry name too long: ${cleanName.slice(0, 80)}…`);

    const source = await open(entry.source);
    const record: Written = { name, crc: 0, size: source.size, offset, modified: source.modified, zip64Local: source.size >= MAX_32 };
    const header = localHeader(record);
    let size = 0;
    try {
      yield header;
      for await (const chunk of source.chunks) {
        record.crc = crc32(chunk, record.crc);
        size += chunk.byteLength;
        yield chunk;
      }
    } finally {
      await source.close();
    }
    if (size !== source.size) throw new Error(`${cleanName} changed while it was being zipped (${source.size} → ${size} bytes)`);
    const descriptor = dataDescriptor(record);
    yield descriptor;
    offset += header.length + size + descriptor.length;
    written.push(record);
  }
  const directory = Buffer.concat(written.map(centralRecord));
  yield Buffer.concat([directory, endOfArchive(written.length, offset, directory.length)]);
}

async function open(source: ZipSource): Promise<Opened> {
  if ('bytes' in source) {
    const bytes = typeof source.bytes === 'string' ? Buffer.from(source.bytes, 'utf8') : source.bytes;
    return { size: bytes.byteLength, modified: new Date(), chunks: [bytes], close: async () => {} };
  }
  const handle = await fs.promises.open(source.path, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`Not a regular file: ${source.path}`);
    return { size: stat.size, modified: stat.mtime, chunks: readChunks(handle), close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function* readChunks(handle: fs.promises.FileHandle): AsyncGenerator<Uint8Array, void, undefined> {
  for (;;) {
    // A fresh buffer per chunk: the consumer may still hold the previous one.
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

function localHeader(entry: Written): Buffer {
  // With bit 3 set the header's CRC and sizes are zero; ZIP64 marks them 0xFFFFFFFF plus an extra of zeros.
  const extra = entry.zip64Local ? zip64Extra([0, 0]) : Buffer.alloc(0);
  const out = Buffer.alloc(30);
  out.writeUInt32LE(0x04034b50, 0);
  out.writeUInt16LE(entry.zip64Local ? VERSION_ZIP64 : VERSION_PLAIN, 4);
  out.writeUInt16LE(FLAGS, 6);
  out.writeUInt16LE(0, 8); // STORE: videos are already compressed
  writeDosTime(out, 10, entry.modified);
  out.writeUInt32LE(0, 14);
  out.writeUInt32LE(entry.zip64Local ? MAX_32 : 0, 18);
  out.writeUInt32LE(entry.zip64Local ? MAX_32 : 0, 22);
  out.writeUInt16LE(entry.name.length, 26);
  out.writeUInt16LE(extra.length, 28);
  return Buffer.concat([out, entry.name, extra]);
}

function dataDescriptor(entry: Written): Buffer {
  const out = Buffer.alloc(entry.zip64Local ? 24 : 16);
  out.writeUInt32LE(0x08074b50, 0);
  out.writeUInt32LE(entry.crc, 4);
  if (entry.zip64Local) {
    out.writeBigUInt64LE(BigInt(entry.size), 8);
    out.writeBigUInt64LE(BigInt(entry.size), 16);
  } else {
    out.writeUInt32LE(entry.size, 8);
    out.writeUInt32LE(entry.size, 12);
  }
  return out;
}

function centralRecord(entry: Written): Buffer {
  const bigSize = entry.size >= MAX_32;
  const bigOffset = entry.offset >= MAX_32;
  const extra = bigSize || bigOffset ? zip64Extra([...(bigSize ? [entry.size, entry.size] : []), ...(bigOffset ? [entry.offset] : [])]) : Buffer.alloc(0);
  const version = extra.length ? VERSION_ZIP64 : VERSION_PLAIN;
  const out = Buffer.alloc(46);
  out.writeUInt32LE(0x02014b50, 0);
  out.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 4);
  out.writeUInt16LE(version, 6);
  out.writeUInt16LE(FLAGS, 8);
  out.writeUInt16LE(0, 10);
  writeDosTime(out, 12, entry.modified);
  out.writeUInt32LE(entry.crc, 16);
  out.writeUInt32LE(bigSize ? MAX_32 : entry.size, 20);
  out.writeUInt32LE(bigSize ? MAX_32 : entry.size, 24);
  out.writeUInt16LE(entry.name.length, 28);
  out.writeUInt16LE(extra.length, 30);
  // Comment length, disk number, internal attributes: zero.
  out.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
  out.writeUInt32LE(bigOffset ? MAX_32 : entry.offset, 42);
  return Buffer.concat([out, entry.name, extra]);
}

function endOfArchive(count: number, directoryOffset: number, directorySize: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, MAX_16), 8);
  end.writeUInt16LE(Math.min(count, MAX_16), 10);
  end.writeUInt32LE(Math.min(directorySize, MAX_32), 12);
  end.writeUInt32LE(Math.min(directoryOffset, MAX_32), 16);
  if (count < MAX_16 && directoryOffset < MAX_32 && directorySize < MAX_32) return end;

  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 12);
  record.writeUInt16LE(VERSION_ZIP64, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
}

function zip64Extra(values: number[]): Buffer {
  const out = Buffer.alloc(4 + 8 * values.length);
  out.writeUInt16LE(0x0001, 0);
  out.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, i) => out.writeBigUInt64LE(BigInt(value), 4 + 8 * i));
  return out;
}

function writeDosTime(out: Buffer, at: number, date: Date): void {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  out.writeUInt16LE((date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1), at);
  out.writeUInt16LE(((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(), at + 2);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

// zlib.crc32 is native from Node 20.15; the table is for the older 20.x our engines field still allows.
export function crc32(data: Uint8Array, previous = 0): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data, previous);
  let c = ~previous;
  for (const byte of data) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}
