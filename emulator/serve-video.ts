import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendEnvelope, sendNotFound } from './http-io';

export const FILES_PREFIX = '/files/';

export type ByteRange = { start: number; end: number };

/** Parses a single `bytes=` range; undefined means "serve it whole", 'unsatisfiable' means 416. */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return end < start ? undefined : { start, end };
}

export interface ServeOptions {
  /** Serve only the first half as if it were the whole file (the malformed-body fault). */
  truncated?: boolean;
}

export async function serveVideo(
  req: IncomingMessage,
  res: ServerResponse,
  filePath: string | undefined,
  { truncated = false }: ServeOptions = {},
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendEnvelope(res, { code: 405, message: 'Method not allowed' });
    return;
  }
  const size = filePath ? await fileSize(filePath) : undefined;
  if (!filePath || size === undefined) {
    sendNotFound(res, 'File not found');
    return;
  }
  const range = truncated ? { start: 0, end: Math.max(0, Math.floor(size / 2) - 1) } : parseRange(req.headers.range, size);
  const common = { 'Content-Type': 'video/mp4', 'Accept-Ranges': 'bytes', 'Cache-Control': 'public, max-age=1296000' };
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const headers = { ...common, 'Content-Length': end - start + 1 };
  if (range && !truncated) res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}` });
  else res.writeHead(200, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(filePath, { start, end });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}
