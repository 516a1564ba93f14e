import { authorize } from '@/lib/auth/session';
import { fieldErrorsOf, generationRequestSchema } from '@/lib/generation/schema';
import { cannotGenerate } from '@/lib/http';
import { bodyRefused, readJson } from '@/lib/read-body';
import { trackerDeps } from '@/lib/tasks/deps';
import { prepareRequest } from '@/lib/tasks/prepare-request';
import { submitGeneration } from '@/lib/tasks/submit';
import { viewOf } from '@/lib/generation/view-of';
import { withinLimits } from '@/lib/spend/limits';

export const dynamic = 'force-dynamic';

/**
 * The studio's JSON API for scripts: the same request schema, checks and storage as the form.
 * Answers 201 with the stored generation (queued: the dispatcher sends it without making the caller wait), or a 4xx.
 */
export async function POST(request: Request) {
  const auth = await authorize('generation:create');
  if (!auth.ok) return cannotGenerate(auth.status);
  // JSON only: a cross-site form cannot send it without a CORS preflight.
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    return Response.json({ error: 'Expected Content-Type: application/json' }, { status: 415 });
  }
  const body = await readJson(request, { maxBytes: 64 * 1024, tooLarge: 'A generation request is at most 64 KiB of JSON.' });
  if (!body.ok) return bodyRefused(body);
  const parsed = generationRequestSchema.safeParse(body.value);
  if (!parsed.success) return Response.json({ error: 'Invalid request', fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const { user, team } = auth.context;
  const deps = trackerDeps();
  const prepared = await prepareRequest(parsed.data, { teamId: team.teamId, publicUrl: deps.publicUrl });
  if (!prepared.ok) return Response.json({ error: 'Invalid request', fieldErrors: prepared.fieldErrors }, { status: 400 });
  const submitted = await withinLimits({ teamId: team.teamId, userId: user.id, requests: [prepared.request], now: deps.now() }, (guard) =>
    submitGeneration({ userId: user.id, teamId: team.teamId, request: prepared.request, guard }, deps),
  );
  if (!submitted.ok) return Response.json({ error: submitted.message }, { status: 429, headers: { 'cache-control': 'no-store' } });
  const row = submitted.value;
  return Response.json(await viewOf({ ...row, authorName: user.name }), { status: 201, headers: { 'cache-control': 'no-store' } });
}
