import 'server-only';
import { authorize } from '@/lib/auth/session';
import { cannotGenerate, crossSite, problem, sameOrigin } from '@/lib/http';
import { bodyChunks, bodyRefused } from '@/lib/read-body';
import { parseBatchParams, type BatchBase } from './batch-base';
import { BATCH_MAX_BYTES, type BatchFormat } from './batch-format';

export type BatchCall = { teamId: string; userId: string; source: AsyncIterable<Uint8Array>; format: BatchFormat; base: BatchBase };

/**
 * What both batch routes read first: a member who may generate, from our own pages, the format and base
 * setup from the URL, and the file as the body (streamed to the reader, never held whole).
 */
export async function readBatchCall(request: Request): Promise<{ ok: true; call: BatchCall } | { ok: false; response: Response }> {
  if (!sameOrigin(request)) return { ok: false, response: crossSite() };
  const auth = await authorize('generation:create');
  if (!auth.ok) return { ok: false, response: cannotGenerate(auth.status) };
  const params = parseBatchParams(new URL(request.url).searchParams);
  if (!params.ok) return { ok: false, response: problem(400, params.message) };
  const body = bodyChunks(request, { maxBytes: BATCH_MAX_BYTES, tooLarge: `A batch file is at most ${BATCH_MAX_BYTES / 1024 / 1024} MB; split it.` });
  if (!body.ok) return { ok: false, response: bodyRefused(body) };
  const { user, team } = auth.context;
  return { ok: true, call: { teamId: team.teamId, userId: user.id, source: body.value, format: params.format, base: params.base } };
}
