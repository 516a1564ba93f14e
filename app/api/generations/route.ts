import { authorize } from '@/lib/auth/session';
import { fieldErrorsOf, generationRequestSchema } from '@/lib/generation/schema';
import { cannotGenerate, problem } from '@/lib/http';
import { bodyRefused, readJson } from '@/lib/read-body';
import { startClip } from '@/lib/start/start-clips';
import { loadView } from '@/lib/gallery/load';

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
    return problem(415, 'Expected Content-Type: application/json');
  }
  const body = await readJson(request, { maxBytes: 64 * 1024, tooLarge: 'A generation request is at most 64 KiB of JSON.' });
  if (!body.ok) return bodyRefused(body);
  const parsed = generationRequestSchema.safeParse(body.value);
  if (!parsed.success) return problem(400, 'Invalid request', { fieldErrors: fieldErrorsOf(parsed.error) });
  const { user, team } = auth.context;
  const started = await startClip({ teamId: team.teamId, userId: user.id, request: parsed.data, prepare: true });
  if (!started.ok && started.kind === 'invalid') return problem(400, 'Invalid request', { fieldErrors: started.fieldErrors });
  if (!started.ok) return problem(429, started.message);
  return Response.json(await loadView({ ...started.row, authorName: user.name }), { status: 201, headers: { 'cache-control': 'no-store' } });
}
