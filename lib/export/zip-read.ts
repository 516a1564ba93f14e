// Reads zips on disk (ours: STORE + data descriptors + ZIP64; Info-ZIP's: STORE/DEFLATE) and trusts no field in them.
import 'server-only';
import fs from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { crc32 } from './zip-stream';

export const ZIP_MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 32 * 1024 * 1024;
const CHUNK_BYTES = 1 << 20;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
const END_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
// DEFLATE cannot expand data more than about 1032:1, so a larger claimed size is a lie.
const MAX_DEFLATE_RATIO = 1032;
const SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, zip64End: 0x06064b50, zip64Locator: 0x07064b50 };

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

export type ZipFileEntry = { name: string; method: 'store' | 'deflate'; size: number; compressedSize: number; crc32: number; dataOffset: number };
export type OpenedZip = { entries: ZipFileEntry[]; read(entry: ZipFileEntry): Readable; close(): Promise<void> };

type Directory = { count: number; offset: number; size: number };
type CentralRecord = Omit<ZipFileEntry, 'dataOffset'> & { nameBytes: Buffer; localOffset: number };

/** Opens a zip and checks its whole structure up front; entries are files only (directory entries are skipped). */
export async function openZip(file: string): Promise<OpenedZip> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const directory = await findDirectory(handle, size);
    const records = parseDirectory(await readAt(handle, directory.offset, directory.size), directory.count);
    const entries: ZipFileEntry[] = [];
    for (const record of records) entries.push(await locate(handle, record, directory.offset));
    checkNoOverlap(entries, records);
    return reader(handle, entries);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function reader(handle: fs.promises.FileHandle, entries: ZipFileEntry[]): OpenedZip {
  const own = new Set(entries);
  let closed = false;
  return {
    entries,
    read(entry) {
      if (closed || !own.has(entry)) throw new Error('read() takes an entry of this zip, before close()');
      return Readable.from(checkedBytes(handle, entry), { objectMode: false });
    },
    async close() {
      closed = true;
      await handle.close();
    },
  };
}

async function* checkedBytes(handle: fs.promises.FileHandle, entry: ZipFileEntry): AsyncGenerator<Buffer, void, undefined> {
  const raw = storedBytes(handle, entry.dataOffset, entry.compressedSize);
  const source: AsyncIterable<Buffer> = entry.method === 'deflate' ? pipeline(raw, zlib.createInflateRaw(), () => undefined) : raw;
  let crc = 0;
  let bytes = 0;
  try {
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (bytes > entry.size) throw new ZipFormatError(`${quote(entry.name)} holds more bytes than its recorded size; the zip is damaged.`);
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    // zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR…) mean the compressed bytes are broken.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw new ZipFormatError(`${quote(entry.name)} cannot be decompressed; the zip is damaged (${code}).`);
    throw error;
  }
  if (bytes !== entry.size) throw new ZipFormatError(`${quote(entry.name)} holds ${bytes} bytes, not the ${entry.size} recorded; the zip is damaged.`);
  if (crc !== entry.crc32) throw new ZipFormatError(`${quote(entry.name)} is damaged: its CRC-32 checksum does not match.`);
}

async function* storedBytes(handle: fs.promises.FileHandle, start: number, length: number): AsyncGenerator<Buffer, void, undefined> {
  for (let done = 0; done < length; ) {
    // A fresh buffer per chunk: the consumer may still hold the previous one.
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, length - done));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start + done);
    if (bytesRead === 0) throw new ZipFormatError('The zip is cut short: an entry’s data runs past the end of the file.');
    done += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new ZipFormatError('The zip is cut short: a record runs past the end of the file.');
    done += bytesRead;
  }
  return buffer;
}

/** The End Of Central Directory record (within the last 64 KiB + 22 bytes) and, when present, its ZIP64 twin. */
async function findDirectory(handle: fs.promises.FileHandle, fileSize: number): Promise<Directory> {
  if (fileSize < END_BYTES) throw new ZipFormatError('This is not a zip file: it is too short.');
  const tailStart = Math.max(0, fileSize - END_BYTES - MAX_16);
  const tail = await readAt(handle, tailStart, fileSize - tailStart);
  let at = tail.length - END_BYTES;
  // The record's comment must end exactly at the end of the file: a signature inside a comment does not count.
  while (at >= 0 && !(tail.readUInt32LE(at) === SIGNATURE.end && at + END_BYTES + tail.readUInt16LE(at + 20) === tail.length)) at--;
  if (at < 0) throw new ZipFormatError('This is not a zip file, or it is cut short: its end-of-archive record is missing.');
  const endOffset = tailStart + at;
  let disk = tail.readUInt16LE(at + 4);
  let directoryDisk = tail.readUInt16LE(at + 6);
  let onThisDisk = tail.readUInt16LE(at + 8);
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  let directoryEnd = endOffset;

  const locatorOffset = endOffset - 20;
  const locator = locatorOffset >= 0 ? await readAt(handle, locatorOffset, 20) : undefined;
  if (locator?.readUInt32LE(0) === SIGNATURE.zip64Locator) {
    if (locator.readUInt32LE(4) !== 0 || locator.readUInt32LE(16) > 1) throw new ZipFormatError('Split (multi-part) zips are not supported.');
    const recordOffset = toNumber(locator.readBigUInt64LE(8), 'ZIP64 end record offset');
    if (recordOffset + 56 > locatorOffset) throw new ZipFormatError('The ZIP64 end record lies outside the file; the zip is damaged.');
    const record = await readAt(handle, recordOffset, 56);
    if (record.readUInt32LE(0) !== SIGNATURE.zip64End) throw new ZipFormatError('The ZIP64 end record is missing where its locator points; the zip is damaged.');
    disk = record.readUInt32LE(16);
    directoryDisk = record.readUInt32LE(20);
    onThisDisk = toNumber(record.readBigUInt64LE(24), 'entry count');
    count = toNumber(record.readBigUInt64LE(32), 'entry count');
    size = toNumber(record.readBigUInt64LE(40), 'central directory size');
    offset = toNumber(record.readBigUInt64LE(48), 'central directory offset');
    directoryEnd = recordOffset;
  } else if (size === MAX_32 || offset === MAX_32) {
    throw new ZipFormatError('This zip needs a ZIP64 end record but has none; it is damaged.');
  }
  if (disk !== 0 || directoryDisk !== 0 || onThisDisk !== count) throw new ZipFormatError('Split (multi-part) zips are not supported.');
  if (count > ZIP_MAX_ENTRIES) throw new ZipFormatError(`This zip has ${count} entries; at most ${ZIP_MAX_ENTRIES} are supported.`);
  if (size > MAX_DIRECTORY_BYTES) throw new ZipFormatError('This zip’s central directory is implausibly large.');
  if (offset + size > directoryEnd || size < count * CENTRAL_BYTES) throw new ZipFormatError('The central directory lies outside the file; the zip is damaged or cut short.');
  return { count, offset, size };
}

function parseDirectory(directory: Buffer, count: number): CentralRecord[] {
  const records: CentralRecord[] = [];
  const names = new Set<string>();
  let pos = 0;
  for (let index = 0; index < count; index++) {
    if (pos + CENTRAL_BYTES > directory.length || directory.readUInt32LE(pos) !== SIGNATURE.central) {
      throw new ZipFormatError(`The central directory is damaged at entry ${index + 1}.`);
    }
    const flags = directory.readUInt16LE(pos + 8);
    const method = directory.readUInt16LE(pos + 10);
    const nameLength = directory.readUInt16LE(pos + 28);
    const extraLength = directory.readUInt16LE(pos + 30);
    const next = pos + CENTRAL_BYTES + nameLength + extraLength + directory.readUInt16LE(pos + 32);
    if (next > directory.length) throw new ZipFormatError(`The central directory is damaged at entry ${index + 1}.`);
    const nameBytes = directory.subarray(pos + CENTRAL_BYTES, pos + CENTRAL_BYTES + nameLength);
    const name = checkedName(nameBytes, index);
    if (names.has(name)) throw new ZipFormatError(`${quote(name)} appears twice in the zip.`);
    names.add(name);
    const fields = zip64Fields(directory.subarray(pos + CENTRAL_BYTES + nameLength, pos + CENTRAL_BYTES + nameLength + extraLength), name, {
      size: directory.readUInt32LE(pos + 24),
      compressedSize: directory.readUInt32LE(pos + 20),
      localOffset: directory.readUInt32LE(pos + 42),
      disk: directory.readUInt16LE(pos + 34),
    });
    // Bit 0: traditional encryption; bit 6: strong encryption.
    if (flags & 0x0041) throw new ZipFormatError(`${quote(name)} is encrypted; encrypted zips are not supported.`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`${quote(name)} uses compression method ${method}; only stored and deflated entries are supported.`);
    if (fields.disk !== 0) throw new ZipFormatError('Split (multi-part) zips are not supported.');
    if (method === 0 && fields.size !== fields.compressedSize) throw new ZipFormatError(`${quote(name)} is stored but its two sizes differ; the zip is damaged.`);
    if (method === 8 && fields.size > fields.compressedSize * MAX_DEFLATE_RATIO + 64) throw new ZipFormatError(`${quote(name)} claims an impossible size; the zip is damaged.`);
    if (!name.endsWith('/')) {
      records.push({ name, nameBytes, method: method === 8 ? 'deflate' : 'store', size: fields.size, compressedSize: fields.compressedSize, crc32: directory.readUInt32LE(pos + 16), localOffset: fields.localOffset });
    }
    pos = next;
  }
  if (pos !== directory.length) throw new ZipFormatError('The central directory does not match its entry count; the zip is damaged.');
  return records;
}

type SizeFields = { size: number; compressedSize: number; localOffset: number; disk: number };

/** Fields saturated at 0xFFFF(FFFF) are in the ZIP64 extra (id 1), in this order, and only those. */
function zip64Fields(extra: Buffer, name: string, fields: SizeFields): SizeFields {
  const wanted = ([['size', 8], ['compressedSize', 8], ['localOffset', 8], ['disk', 4]] as const).filter(([key]) => fields[key] === (key === 'disk' ? MAX_16 : MAX_32));
  if (wanted.length === 0) return fields;
  for (let pos = 0; pos + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(pos);
    const length = extra.readUInt16LE(pos + 2);
    if (pos + 4 + length > extra.length) break;
    if (id === 0x0001) {
      const out = { ...fields };
      let at = pos + 4;
      for (const [key, bytes] of wanted) {
        if (at + bytes > pos + 4 + length) throw new ZipFormatError(`${quote(name)} has a short ZIP64 extra field; the zip is damaged.`);
        out[key] = bytes === 8 ? toNumber(extra.readBigUInt64LE(at), `${name} size`) : extra.readUInt32LE(at);
        at += bytes;
      }
      return out;
    }
    pos += 4 + length;
  }
  throw new ZipFormatError(`${quote(name)} needs a ZIP64 extra field but has none; the zip is damaged.`);
}

function checkedName(bytes: Buffer, index: number): string {
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ZipFormatError(`Entry ${index + 1} has a name that is not valid UTF-8.`);
  }
  const unsafe = (reason: string) => new ZipFormatError(`Entry ${index + 1} has an unsafe name ${quote(name)}: ${reason}.`);
  if (name === '') throw unsafe('it is empty');
  if (name.includes('\\')) throw unsafe('it contains a backslash');
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) throw unsafe('it is an absolute path');
  if (/\p{Cc}/u.test(name)) throw unsafe('it contains control characters');
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) throw unsafe('it contains ".."');
  if (segments.some((segment) => segment === '' || segment === '.')) throw unsafe('it has an empty or "." path segment');
  return name;
}

/** Where the entry's bytes start: after its local header, which must agree with the central directory. */
async function locate(handle: fs.promises.FileHandle, record: CentralRecord, directoryOffset: number): Promise<ZipFileEntry> {
  const damaged = (what: string) => new ZipFormatError(`${quote(record.name)}: ${what}; the zip is damaged.`);
  if (record.localOffset + LOCAL_BYTES + record.nameBytes.length > directoryOffset) throw damaged('its local header lies outside the file');
  const header = await readAt(handle, record.localOffset, LOCAL_BYTES + record.nameBytes.length);
  if (header.readUInt32LE(0) !== SIGNATURE.local) throw damaged('its local header is missing');
  const method = header.readUInt16LE(8) === 8 ? 'deflate' : header.readUInt16LE(8) === 0 ? 'store' : undefined;
  if (method !== record.method || header.readUInt16LE(26) !== record.nameBytes.length || !header.subarray(LOCAL_BYTES).equals(record.nameBytes)) {
    throw damaged('its local header does not match the central directory');
  }
  const dataOffset = record.localOffset + LOCAL_BYTES + record.nameBytes.length + header.readUInt16LE(28);
  if (dataOffset + record.compressedSize > directoryOffset) throw damaged('its data runs past the start of the central directory');
  const { nameBytes: _nameBytes, localOffset: _localOffset, ...entry } = record;
  return { ...entry, dataOffset };
}

/** No two entries may share bytes (the classic overlapping-entry zip bomb). */
function checkNoOverlap(entries: ZipFileEntry[], records: CentralRecord[]): void {
  const spans = entries.map((entry, i) => ({ name: entry.name, start: records[i]?.localOffset ?? 0, end: entry.dataOffset + entry.compressedSize }));
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const [previous, current] = [spans[i - 1], spans[i]];
    if (previous && current && current.start < previous.end) throw new ZipFormatError(`${quote(previous.name)} and ${quote(current.name)} overlap; the zip is damaged.`);
  }
}

function toNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError(`The zip's ${what} is out of range; it is damaged.`);
  return Number(value);
}

const quote = (name: string) => JSON.stringify(name.length > 100 ? `${name.slice(0, 100)}…` : name);
