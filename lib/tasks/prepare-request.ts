import 'server-only';
import type { FieldErrors, GenerationRequest } from '@/lib/generation/schema';
import { resolveStartImage } from '@/lib/images/resolve-start-image';

const WEBHOOK_NEEDS_PUBLIC_URL = 'Webhook delivery needs PUBLIC_URL, the address where the service can reach this studio.';

/**
 * The checks a valid request still needs against this studio before it is stored: webhook delivery needs
 * a reachable address, and a start frame must be one of the team's kept images (whose URL is then used).
 * Shared by the studio's action and the JSON API, so both refuse the same things the same way.
 */
export async function prepareRequest(
  request: GenerationRequest,
  { teamId, publicUrl }: { teamId: string; publicUrl: string | undefined },
): Promise<{ ok: true; request: GenerationRequest } | { ok: false; fieldErrors: FieldErrors }> {
  if (request.requestType === 'callback' && !publicUrl) return { ok: false, fieldErrors: { requestType: [WEBHOOK_NEEDS_PUBLIC_URL] } };
  const resolved = await resolveStartImage(request, teamId);
  return resolved.ok ? resolved : { ok: false, fieldErrors: { imageUrls: [resolved.message] } };
}
