// Reads zips on disk through yauzl (ZIP64, bounds, stored sizes) and trusts no field in them: ours on top are
// the entry count, names, directory size, compression ratio, overlapping entries, and size + CRC-32 while streaming.
import 'server-only';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { checkedName, crc32, errorCode, quote, ZipFormatError } from './zip-checks';

export const ZIP_MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 32 * 1024 * 1024;
const END_BYTES = 22;
const CENTRAL_BYTES = 46;
// DEFLATE cannot expand data more than about 1032:1, so a larger claimed size is a lie.
const MAX_DEFLATE_RATIO = 1032;

export type ZipFileEntry = { name: string; method: 'store' | 'deflate'; size: number; compressedSize: number; crc32: number; dataOffset: number };
export type OpenedZip = { entries: ZipFileEntry[]; read(entry: ZipFileEntry): Readable; close(): Promise<void> };

type Located = { entry: ZipFileEntry; raw: Entry; headerOffset: number };

/** Opens a zip and checks its whole structure up front; entries are files only (directory entries are skipped). */
export async function openZip(file: string): Promise<OpenedZip> {
  const { size } = await fs.promises.stat(file);
  if (size < END_BYTES) throw new ZipFormatError('This is not a zip file: it is too short.');
  // Raw names (decodeStrings off) and sizes (validateEntrySizes off): we check both below, in our own words.
  const zip = await fromLibrary(() => yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false }));
  try {
    if (zip.entryCount > ZIP_MAX_ENTRIES) throw new ZipFormatError(`This zip has ${zip.entryCount} entries; at most ${ZIP_MAX_ENTRIES} are supported.`);
    const located = await fromLibrary(() => locateAll(zip));
    checkNoOverlap(located);
    return reader(zip, located);
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function locateAll(zip: ZipFile): Promise<Located[]> {
  const located: Located[] = [];
  const names = new Set<string>();
  let directoryBytes = 0;
  let index = 0;
  for await (const raw of zip.eachEntry()) {
    directoryBytes += CENTRAL_BYTES + raw.fileNameLength + raw.extraFieldLength + raw.fileCommentLength;
    if (directoryBytes > MAX_DIRECTORY_BYTES) throw new ZipFormatError('This zip’s central directory is implausibly large.');
    const name = checkedName(raw.fileNameRaw, index++);
    if (names.has(name)) throw new ZipFormatError(`${quote(name)} appears twice in the zip.`);
    names.add(name);
    // Bit 0: traditional encryption; bit 6: strong encryption.
    if (raw.generalPurposeBitFlag & 0x0041) throw new ZipFormatError(`${quote(name)} is encrypted; encrypted zips are not supported.`);
    const method = raw.compressionMethod === 0 ? 'store' : raw.compressionMethod === 8 ? 'deflate' : undefined;
    if (!method) throw new ZipFormatError(`${quote(name)} uses compression method ${raw.compressionMethod}; only stored and deflated entries are supported.`);
    if (method === 'store' && raw.uncompressedSize !== raw.compressedSize) throw new ZipFormatError(`${quote(name)} is stored but its two sizes differ; the zip is damaged.`);
    if (method === 'deflate' && raw.uncompressedSize > raw.compressedSize * MAX_DEFLATE_RATIO + 64) throw new ZipFormatError(`${quote(name)} claims an impossible size; the zip is damaged.`);
    if (name.endsWith('/')) continue;

    const damaged = (what: string) => new ZipFormatError(`${quote(name)}: ${what}; the zip is damaged.`);
    const header = await zip.readLocalFileHeaderPromise(raw);
    if (header.compressionMethod !== raw.compressionMethod || !header.fileName.equals(raw.fileNameRaw)) throw damaged('its local header does not match the central directory');
    if (header.fileDataStart + raw.compressedSize > zip.fileSize) throw damaged('its data runs past the end of the file');
    const entry = { name, method, size: raw.uncompressedSize, compressedSize: raw.compressedSize, crc32: raw.crc32, dataOffset: header.fileDataStart } as const;
    located.push({ entry, raw, headerOffset: raw.relativeOffsetOfLocalHeader });
  }
  return located;
}

/** No two entries may share bytes (the classic overlapping-entry zip bomb). */
function checkNoOverlap(located: Located[]): void {
  const spans = located.map(({ entry, headerOffset }) => ({ name: entry.name, start: headerOffset, end: entry.dataOffset + entry.compressedSize }));
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const [previous, current] = [spans[i - 1], spans[i]];
    if (previous && current && current.start < previous.end) throw new ZipFormatError(`${quote(previous.name)} and ${quote(current.name)} overlap; the zip is damaged.`);
  }
}

function reader(zip: ZipFile, located: Located[]): OpenedZip {
  const raws = new Map(located.map(({ entry, raw }) => [entry, raw]));
  return {
    entries: located.map(({ entry }) => entry),
    read(entry) {
      const raw = raws.get(entry);
      if (!zip.isOpen || !raw) throw new Error('read() takes an entry of this zip, before close()');
      return Readable.from(checkedBytes(zip, raw, entry), { objectMode: false });
    },
    async close() {
      zip.close();
    },
  };
}

async function* checkedBytes(zip: ZipFile, raw: Entry, entry: ZipFileEntry): AsyncGenerator<Buffer, void, undefined> {
  let crc = 0;
  let bytes = 0;
  try {
    for await (const chunk of await zip.openReadStreamPromise(raw)) {
      const buffer = chunk as Buffer;
      bytes += buffer.byteLength;
      if (bytes > entry.size) throw new ZipFormatError(`${quote(entry.name)} holds more bytes than its recorded size; the zip is damaged.`);
      crc = crc32(buffer, crc);
      yield buffer;
    }
  } catch (error) {
    // zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR…) mean the compressed bytes are broken.
    const code = errorCode(error);
    if (code?.startsWith('Z_')) throw new ZipFormatError(`${quote(entry.name)} cannot be decompressed; the zip is damaged (${code}).`);
    throw asFormatError(error);
  }
  if (bytes !== entry.size) throw new ZipFormatError(`${quote(entry.name)} holds ${bytes} bytes, not the ${entry.size} recorded; the zip is damaged.`);
  if (crc !== entry.crc32) throw new ZipFormatError(`${quote(entry.name)} is damaged: its CRC-32 checksum does not match.`);
}

async function fromLibrary<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asFormatError(error);
  }
}

/** yauzl's refusals are plain errors (no `code`): they are about the zip. System errors (ENOENT, EIO…) are not. */
function asFormatError(error: unknown): unknown {
  if (error instanceof ZipFormatError || !(error instanceof Error)) return error;
  const code = errorCode(error);
  if (code && !code.startsWith('ERR_')) return error;
  if (error.message.startsWith('End of central directory record signature not found')) {
    return new ZipFormatError('This is not a zip file, or it is cut short: its end-of-archive record is missing.');
  }
  return new ZipFormatError(`This zip is damaged: ${error.message.replace(/\.$/, '')}.`);
}
