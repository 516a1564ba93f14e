import { missing, problem } from '@/lib/http';
import { bodyRefused, readJson } from '@/lib/read-body';
import { applyCallback, findCallbackTarget } from '@/lib/tasks/callback';
import { trackerDeps } from '@/lib/tasks/deps';

export const dynamic = 'force-dynamic';

/** A status envelope is a few hundred bytes; this leaves room for long result URLs and nothing more. */
const CALLBACK_MAX_BYTES = 64 * 1024;

/** The Wan API's webhook: answers fast, and only to the holder of the generation's secret. */
export async function POST(request: Request, { params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  // The secret first: a stranger's body is never read, however large.
  const row = await findCallbackTarget(secret);
  if (!row) return missing();
  const body = await readJson(request, { maxBytes: CALLBACK_MAX_BYTES, tooLarge: 'A callback body is at most 64 KiB.' });
  if (!body.ok) return bodyRefused(body);
  const outcome = await applyCallback(row, body.value, trackerDeps());
  if (outcome.status === 404) return missing();
  if (outcome.status === 400) return problem(400, outcome.message);
  return Response.json({ ok: true, result: outcome.result });
}
