import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { revalidatePath } from 'next/cache';
import { authorize } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { recreateFromZip } from '@/lib/export/recreate';
import { cannotGenerate, crossSite, problem, sameOrigin } from '@/lib/http';
import { bodyRefused, saveBody } from '@/lib/read-body';
import { diskGuard, DiskFullError, ensureFreeSpace } from '@/lib/storage/disk-space';

export const dynamic = 'force-dynamic';

const MAX_IMPORT_BYTES = 4 * 1024 ** 3;
// Browsers on Windows label a .zip File as application/x-zip-compressed.
const zipTypes = ['application/zip', 'application/x-zip-compressed'];
const noStore = { 'cache-control': 'no-store' };
/** Teams with an import running in this process: one at a time each, so two cannot race past the quota. */
const importing = new Set<string>();

/**
 * Re-creates the clips of an export zip (the raw request body) in the caller's team, videos included; no API
 * call, nothing spent. The body goes to a temp file chunk by chunk, so a 4 GiB zip never sits in memory.
 */
export async function POST(request: Request) {
  // Our own pages only (the session cookie is SameSite=Lax, this is belt and braces).
  if (!sameOrigin(request)) return crossSite();
  const auth = await authorize('generation:create');
  if (!auth.ok) return cannotGenerate(auth.status);
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!zipTypes.includes(type)) return problem(415, 'Send the export zip itself as the request body (content-type: application/zip).');
  const { team, user } = auth.context;
  if (importing.has(team.teamId)) return problem(409, 'Another import into this team is still running. Wait for it to finish, then try again.');
  importing.add(team.teamId);
  try {
    return await importZip(request, { teamId: team.teamId, userId: user.id });
  } finally {
    importing.delete(team.teamId);
  }
}

async function importZip(request: Request, owner: { teamId: string; userId: string }): Promise<Response> {
  const dir = path.join(getEnv().dataDir, 'tmp');
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `import-${crypto.randomUUID()}.zip`);
  try {
    await ensureFreeSpace(dir, Number(request.headers.get('content-length')) || 0);
    const guard = diskGuard(dir);
    const saved = await saveBody(request, file, { maxBytes: MAX_IMPORT_BYTES, requireLength: true, tooLarge: 'An import zip is at most 4 GiB.' }, (_chunk, received) => guard(received));
    if (!saved.ok) return bodyRefused(saved);
    if (saved.value === 0) return problem(400, 'The upload is empty.');
    const result = await recreateFromZip({ file, ...owner });
    if (!result.ok) return problem(result.status ?? 400, result.message, { problems: result.problems ?? [] });
    revalidatePath('/gallery');
    // `skipped`: clips whose video the gallery already holds (importing the same zip twice adds nothing).
    return Response.json({ ids: result.ids, skipped: result.skipped }, { status: result.ids.length ? 201 : 200, headers: noStore });
  } catch (error) {
    if (error instanceof DiskFullError) return problem(507, error.message);
    throw error;
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}
