import { getEnv } from '@/lib/env';
import { jsonError } from '@/lib/http';
import { handleCallback } from '@/lib/tasks/callback';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 64 * 1024;

/** The Wan API's webhook: answers fast, and only to the holder of the generation's secret. */
export async function POST(request: Request, { params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return jsonError(400, 'Payload too large');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const outcome = await handleCallback(secret, body, { now: () => new Date(), pollScale: getEnv().pollScale });
  if (outcome.status === 404) return jsonError(404, 'Not found');
  if (outcome.status === 400) return jsonError(400, outcome.error);
  return Response.json({ ok: true, result: outcome.result });
}
