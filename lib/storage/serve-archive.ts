import 'server-only';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Generation } from '@/db/schema';
import { missing, problem, storageUnavailable } from '@/lib/http';
import { mediaHeaders } from '@/lib/security/headers';
import { getVideoStore } from './video-storage';
import { posterOf } from './poster';
import { MissingObjectError } from './video-store';

export type ByteRange = { start: number; end: number };

/**
 * Parses a single `Range: bytes=…` header against a file size.
 * undefined: serve the whole file; 'unsatisfiable': answer 416.
 */
export function parseByteRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

type Archived = Pick<Generation, 'id' | 'archivePath' | 'archiveSha256'>;

/** Members' copies never change (immutable); public share links must stop working the moment they are revoked. */
export const cacheFor = { members: 'private, max-age=31536000, immutable', share: 'private, no-cache', private: 'private, no-cache' } as const;

export type ServeOptions = {
  /** The copy to hand out instead (lib/export/tagged-copy.ts: the recipe in its metadata); the original when it gives none. */
  tagged?: () => Promise<{ path: string; bytes: number } | null>;
  /** Answer as a download under this file name. */
  downloadName?: string;
};

/** Streams an archived clip (or its tagged copy), with Range so the browser can seek. */
export async function serveVideo(request: Request, row: Archived, cacheControl: string, options: ServeOptions = {}): Promise<Response> {
  const store = getVideoStore();
  let size: number | undefined;
  try {
    size = row.archivePath ? await store.size(row.archivePath) : undefined;
  } catch {
    return storageUnavailable();
  }
  if (!row.archivePath || size === undefined) return missing();
  const tagged = options.tagged ? await options.tagged() : null;
  const bytes = tagged ? tagged.bytes : size;
  const range = parseByteRange(request.headers.get('range'), bytes);
  if (range === 'unsatisfiable') return problem(416, 'The requested range is not satisfiable.', undefined, { ...mediaHeaders, 'content-range': `bytes */${bytes}` });
  // A copy is another file: its own tag (and its size, which differs from one ffmpeg build to another).
  const etag = `"${row.archiveSha256 ?? row.id}${tagged ? `-tagged-${tagged.bytes}` : ''}"`;
  const headers = new Headers({ ...mediaHeaders, 'content-type': 'video/mp4', 'accept-ranges': 'bytes', 'cache-control': cacheControl, etag });
  if (options.downloadName) headers.set('content-disposition', `attachment; filename="${options.downloadName.replace(/[^\w.-]/g, '_')}"`);
  headers.set('content-length', String(range ? range.end - range.start + 1 : bytes));
  if (range) headers.set('content-range', `bytes ${range.start}-${range.end}/${bytes}`);
  const status = range ? 206 : 200;
  if (request.method === 'HEAD') return new Response(null, { status, headers });
  if (tagged) {
    const file = fs.createReadStream(tagged.path, range ? { start: range.start, end: range.end } : {});
    return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, { status, headers });
  }
  const stream = await store.read(row.archivePath, range).catch((error: unknown) => (error instanceof MissingObjectError ? ('missing' as const) : ('down' as const)));
  // Missing: deleted between the size and the read.
  if (stream === 'missing') return missing();
  if (stream === 'down') return storageUnavailable();
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}

/** A still of the archived clip; made on first request, then cached for good. */
export async function servePoster(request: Request, row: Archived, cacheControl: string): Promise<Response> {
  if (!row.archivePath) return missing();
  const etag = `"${row.archiveSha256 ?? row.id}"`;
  const headers = new Headers({ ...mediaHeaders, 'cache-control': cacheControl, etag });
  // Checked before posterOf: a browser holding the still costs no ffmpeg run.
  if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  const poster = await posterOf(row.archivePath);
  if (!poster) return missing();
  headers.set('content-type', 'image/jpeg');
  headers.set('content-length', String(poster.bytes));
  return new Response(Readable.toWeb(fs.createReadStream(poster.path)) as ReadableStream<Uint8Array>, { status: 200, headers });
}

/** If-None-Match may list several tags, weak ones included (weak comparison is the rule for it). */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
