import { Readable } from 'node:stream';
import { z } from 'zod';
import { getGenerationById } from '@/db/queries/generations';
import { authorize } from '@/lib/auth/session';
import { denied, jsonError } from '@/lib/http';
import { parseByteRange } from '@/lib/storage/byte-range';
import { getVideoStore } from '@/lib/storage';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.uuid() });

/** Plays our archived copy to members of the clip's team, with Range so the browser can seek. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize('video:play');
  if (!auth.ok) return denied(auth.status);
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return jsonError(404, 'Not found');

  const row = await getGenerationById({ id: parsed.data.id, teamId: auth.context.team.teamId });
  const store = getVideoStore();
  const size = row?.archivePath ? await store.size(row.archivePath) : undefined;
  if (!row?.archivePath || size === undefined) return jsonError(404, 'Not found');

  const range = parseByteRange(request.headers.get('range'), size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
  }
  const headers = new Headers({
    'content-type': 'video/mp4',
    'accept-ranges': 'bytes',
    'cache-control': 'private, max-age=31536000, immutable',
    etag: `"${row.archiveSha256 ?? row.id}"`,
  });
  const body = Readable.toWeb(store.read(row.archivePath, range)) as ReadableStream<Uint8Array>;
  if (!range) {
    headers.set('content-length', String(size));
    return new Response(body, { status: 200, headers });
  }
  headers.set('content-length', String(range.end - range.start + 1));
  headers.set('content-range', `bytes ${range.start}-${range.end}/${size}`);
  return new Response(body, { status: 206, headers });
}
