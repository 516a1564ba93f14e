import 'server-only';
import { resolveSoundTrack } from '@/lib/audio/sound-track';
import type { FieldErrors, GenerationRequest } from '@/lib/generation/schema';
import { resolveStartImage } from '@/lib/images/start-image';

/**
 * A request's kept inputs, from the team's records: the start frame's URL (`image_urls`) and the sound track's
 * (`audio_urls`), never a URL from the browser. `preferCopy` (reproduce) sends our copy of the frame; a track
 * is always sent as our copy when the service can reach us.
 */
export async function resolveKeptInputs(
  request: GenerationRequest,
  teamId: string,
  options: { preferCopy?: boolean } = {},
): Promise<{ ok: true; request: GenerationRequest } | { ok: false; message: string; fieldErrors: FieldErrors }> {
  const image = await resolveStartImage(request, teamId, options);
  if (!image.ok) return { ...image, fieldErrors: { imageUrls: [image.message] } };
  const sound = await resolveSoundTrack(image.request, teamId);
  if (!sound.ok) return { ...sound, fieldErrors: { audioId: [sound.message] } };
  return sound;
}
