import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorize } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { recreateFromZip } from '@/lib/export/recreate';
import { cannotGenerate, jsonError } from '@/lib/http';

export const dynamic = 'force-dynamic';

const MAX_IMPORT_BYTES = 4 * 1024 ** 3;
// Browsers on Windows label a .zip File as application/x-zip-compressed.
const zipTypes = ['application/zip', 'application/x-zip-compressed'];
const lengthSchema = z.string().regex(/^\d{1,16}$/).transform(Number);
const noStore = { 'cache-control': 'no-store' };

type Saved = { ok: true } | { ok: false; status: 400 | 413; error: string };

const problem = (status: 400 | 411 | 413 | 415, error: string) => Response.json({ error }, { status, headers: noStore });

/**
 * Re-creates the clips of an export zip (the raw request body) in the caller's team, videos included; no API
 * call, nothing spent. The body goes to a temp file chunk by chunk, so a 4 GiB zip never sits in memory.
 */
export async function POST(request: Request) {
  // Our own pages only (the session cookie is SameSite=Lax, this is belt and braces).
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(request.url).origin && origin !== process.env.PUBLIC_URL?.replace(/\/$/, '')) return jsonError(400, 'Cross-site request refused');
  const auth = await authorize('generation:create');
  if (!auth.ok) return cannotGenerate(auth.status);
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!zipTypes.includes(type)) return problem(415, 'Send the export zip itself as the request body (content-type: application/zip).');
  const length = lengthSchema.safeParse(request.headers.get('content-length') ?? '');
  if (!length.success) return problem(411, 'The upload needs a Content-Length header.');
  if (length.data > MAX_IMPORT_BYTES) return problem(413, 'An import zip is at most 4 GiB.');
  if (length.data === 0 || !request.body) return problem(400, 'The upload is empty.');

  const dir = path.join(getEnv().dataDir, 'tmp');
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `import-${crypto.randomUUID()}.zip`);
  try {
    const saved = await saveBody(request.body, file, length.data);
    if (!saved.ok) return problem(saved.status, saved.error);
    const { team, user } = auth.context;
    const result = await recreateFromZip({ file, teamId: team.teamId, userId: user.id });
    if (!result.ok) return Response.json({ error: result.error, problems: result.problems ?? [] }, { status: 400, headers: noStore });
    revalidatePath('/gallery');
    return Response.json({ ids: result.ids }, { status: 201, headers: noStore });
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}

/** Writes the body to `file` one chunk at a time; stops reading as soon as it is longer than announced. */
async function saveBody(body: ReadableStream<Uint8Array>, file: string, expected: number): Promise<Saved> {
  const reader = body.getReader();
  const handle = await fs.promises.open(file, 'wx');
  let received = 0;
  let drained = false;
  try {
    for (;;) {
      // A read fails when the client goes away mid-upload; that stream is already errored, nothing to cancel.
      const next = await reader.read().catch(() => undefined);
      if (!next || next.done) {
        drained = true;
        if (!next) return { ok: false, status: 400, error: 'The upload was interrupted.' };
        break;
      }
      received += next.value.byteLength;
      if (received > expected) return { ok: false, status: 413, error: 'The upload is longer than its Content-Length.' };
      await handle.write(next.value);
    }
  } finally {
    await handle.close();
    if (!drained) await reader.cancel();
  }
  return received === expected ? { ok: true } : { ok: false, status: 400, error: `The upload ended after ${received} of ${expected} bytes.` };
}
