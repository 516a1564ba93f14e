// The checks we keep on top of the zip libraries: the one error type for a bad upload, the entry-name rules, CRC-32.
import 'server-only';
import zlib from 'node:zlib';

/** The zip itself is at fault (damaged, hostile or unsupported); its message is shown to the person importing. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

export const quote = (name: string) => JSON.stringify(name.length > 100 ? `${name.slice(0, 100)}…` : name);

/** The entry's name as UTF-8, refused when it could leave the folder it is extracted into or is otherwise odd. */
export function checkedName(bytes: Buffer, index: number): string {
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

/** The `code` of a Node or zlib error (`ENOENT`, `Z_DATA_ERROR`, `ERR_OUT_OF_RANGE`…), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
