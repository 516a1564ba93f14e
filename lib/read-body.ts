// The one way route handlers read a request body: the declared length is checked first, then every byte is counted.
import 'server-only';
import fs from 'node:fs';
import { problem } from '@/lib/http';

export type BodyRefusal = { ok: false; status: 400 | 411 | 413; message: string };
export type BodyRead<T> = { ok: true; value: T } | BodyRefusal;
export type BodyLimit = {
  maxBytes: number;
  /** Worded for the person sending it, e.g. "An image is at most 10 MB." */
  tooLarge?: string;
  /** Refuse a body without a Content-Length (uploads the client can always size). */
  requireLength?: boolean;
};

type OnChunk = (chunk: Uint8Array, received: number) => Promise<void> | void;

const refuse = (status: BodyRefusal['status'], message: string): BodyRefusal => ({ ok: false, status, message });

/** A refusal as the JSON answer every route gives. */
export function bodyRefused(refusal: BodyRefusal): Response {
  return problem(refusal.status, refusal.message);
}

/**
 * Streams the body to `onChunk`, stopping (and cancelling the stream) the moment it passes the limit or its
 * own Content-Length; a body announced larger than the limit is refused without reading a byte.
 */
export async function streamBody(request: Request, limit: BodyLimit, onChunk: OnChunk): Promise<BodyRead<number>> {
  const tooLarge = limit.tooLarge ?? `The request body is larger than ${limit.maxBytes} bytes.`;
  const header = request.headers.get('content-length');
  const declared = header === null ? undefined : /^\d{1,16}$/.test(header) ? Number(header) : NaN;
  if (Number.isNaN(declared)) return refuse(400, 'The Content-Length header is not a number.');
  if (declared === undefined && limit.requireLength) return refuse(411, 'The upload needs a Content-Length header.');
  if (declared !== undefined && declared > limit.maxBytes) return refuse(413, tooLarge);
  if (!request.body) return { ok: true, value: 0 };

  const reader = request.body.getReader();
  let received = 0;
  let drained = false;
  try {
    for (;;) {
      // A read fails when the client goes away mid-upload; that stream is already errored, nothing to cancel.
      const next = await reader.read().catch(() => undefined);
      if (!next) {
        drained = true;
        return refuse(400, 'The upload was interrupted.');
      }
      if (next.done) {
        drained = true;
        break;
      }
      received += next.value.byteLength;
      if (received > limit.maxBytes) return refuse(413, tooLarge);
      if (declared !== undefined && received > declared) return refuse(413, 'The upload is longer than its Content-Length.');
      await onChunk(next.value, received);
    }
  } finally {
    if (!drained) await reader.cancel().catch(() => undefined);
  }
  if (declared !== undefined && received !== declared) return refuse(400, `The upload ended after ${received} of ${declared} bytes.`);
  return { ok: true, value: received };
}

export async function readBytes(request: Request, limit: BodyLimit): Promise<BodyRead<Uint8Array<ArrayBuffer>>> {
  const chunks: Uint8Array[] = [];
  const read = await streamBody(request, limit, (chunk) => {
    chunks.push(chunk);
  });
  if (!read.ok) return read;
  const bytes = new Uint8Array(read.value);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, value: bytes };
}

export async function readText(request: Request, limit: BodyLimit): Promise<BodyRead<string>> {
  const read = await readBytes(request, limit);
  if (!read.ok) return read;
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(read.value) };
  } catch {
    return refuse(400, 'The request body is not valid UTF-8 text.');
  }
}

export async function readJson(request: Request, limit: BodyLimit): Promise<BodyRead<unknown>> {
  const read = await readText(request, limit);
  if (!read.ok) return read;
  try {
    return { ok: true, value: JSON.parse(read.value) as unknown };
  } catch {
    return refuse(400, 'Expected a JSON body.');
  }
}

/** A multipart or url-encoded form, parsed from the capped bytes (never from the unbounded stream). */
export async function readForm(request: Request, limit: BodyLimit): Promise<BodyRead<FormData>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) return refuse(400, 'Expected a form (multipart/form-data).');
  const read = await readBytes(request, limit);
  if (!read.ok) return read;
  try {
    return { ok: true, value: await new Response(read.value, { headers: { 'content-type': type } }).formData() };
  } catch {
    return refuse(400, 'The form in the request body is malformed.');
  }
}

/**
 * Writes the body to a new `file` chunk by chunk (a 4 GiB zip never sits in memory); `onChunk` may throw to
 * abort (a full disk). The caller deletes the file whatever the outcome.
 */
export async function saveBody(request: Request, file: string, limit: BodyLimit, onChunk?: OnChunk): Promise<BodyRead<number>> {
  const handle = await fs.promises.open(file, 'wx');
  try {
    return await streamBody(request, limit, async (chunk, received) => {
      await onChunk?.(chunk, received);
      await handle.write(chunk);
    });
  } finally {
    await handle.close();
  }
}

/**
 * The body as it arrives, for a reader that counts its own bytes and may stop early (a batch file): refused up
 * front when its declared length is over the limit; leaving the loop early cancels the upload.
 */
export function bodyChunks(request: Request, limit: BodyLimit): BodyRead<AsyncIterable<Uint8Array>> {
  const header = request.headers.get('content-length');
  if (header !== null && !/^\d{1,16}$/.test(header)) return refuse(400, 'The Content-Length header is not a number.');
  if (header !== null && Number(header) > limit.maxBytes) return refuse(413, limit.tooLarge ?? `The request body is larger than ${limit.maxBytes} bytes.`);
  const body = request.body;
  return { ok: true, value: body ?? (async function* () {})() };
}
