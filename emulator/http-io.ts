import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1_000_000;

export interface Envelope {
  code: number;
  message: string;
  data?: unknown;
}

export function sendEnvelope(res: ServerResponse, envelope: Envelope, headers: Record<string, string> = {}): void {
  sendJsonText(res, envelope.code, JSON.stringify(envelope), headers);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendJsonText(res, status, JSON.stringify(value));
}

/** A 200 whose JSON stops halfway, as a proxy cutting a response short would leave it. */
export function sendTruncatedEnvelope(res: ServerResponse, envelope: Envelope): void {
  const body = JSON.stringify(envelope);
  sendJsonText(res, 200, body.slice(0, Math.floor(body.length / 2)));
}

function sendJsonText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

export function sendNotFound(res: ServerResponse, message = 'Not found'): void {
  sendEnvelope(res, { code: 404, message });
}

export function bearerKey(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; error: string };

export async function readJsonBody(req: IncomingMessage): Promise<JsonBodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    // Keep draining so the client still gets our 400 instead of a reset connection.
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  if (size > MAX_BODY_BYTES) return { ok: false, error: `Request body must be at most ${MAX_BODY_BYTES} bytes` };
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: false, error: 'Request body must be a JSON object' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: 'Invalid JSON body' };
  }
}
