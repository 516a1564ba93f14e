import { authorize } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { fieldErrorsOf, generationRequestSchema } from '@/lib/generation/schema';
import { denied } from '@/lib/http';
import { resolveStartImage } from '@/lib/images/resolve-start-image';
import { trackerDeps } from '@/lib/tasks/deps';
import { submitGeneration } from '@/lib/tasks/submit';
import { viewOf } from '@/lib/tasks/view-of';

export const dynamic = 'force-dynamic';

/**
 * The studio's JSON API for scripts: the same request schema, checks and storage as the form.
 * Answers 201 with the generation (usually already sent, or queued), or 400 with field errors.
 */
export async function POST(request: Request) {
  const auth = await authorize('generation:create');
  if (!auth.ok) return auth.status === 401 ? denied(401) : Response.json({ error: 'Your role cannot generate' }, { status: 403 });
  // JSON only: a cross-site form cannot send it without a CORS preflight.
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    return Response.json({ error: 'Expected Content-Type: application/json' }, { status: 415 });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'Expected a JSON body' }, { status: 400 });
  }
  const parsed = generationRequestSchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: 'Invalid request', fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  if (parsed.data.requestType === 'callback' && !getEnv().publicUrl) {
    return Response.json({ error: 'Invalid request', fieldErrors: { requestType: ['Webhook delivery needs PUBLIC_URL'] } }, { status: 400 });
  }
  const { user, team } = auth.context;
  const resolved = await resolveStartImage(parsed.data, team.teamId);
  if (!resolved.ok) return Response.json({ error: 'Invalid request', fieldErrors: { imageId: [resolved.message] } }, { status: 400 });
  const row = await submitGeneration({ userId: user.id, teamId: team.teamId, request: resolved.request }, trackerDeps());
  return Response.json(await viewOf({ ...row, authorName: user.name }), { status: 201, headers: { 'cache-control': 'no-store' } });
}
