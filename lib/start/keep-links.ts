import 'server-only';
import { keepAudioFromLink } from '@/lib/audio/sound-track';
import type { GenerationRequest } from '@/lib/generation/schema';
import { keepImageFromLink } from '@/lib/images/start-image';
import { prepareRequest } from './start-clips';

type Owner = { teamId: string; userId: string };
type Kept = Awaited<ReturnType<typeof keepImageFromLink>> | Awaited<ReturnType<typeof keepAudioFromLink>>;

export type LinkedInput = 'imageUrls' | 'audioUrls';
export type KeptRequest = { ok: true; request: GenerationRequest } | { ok: false; field: LinkedInput | null; message: string };

/**
 * Turns the links in requests (a recipes file's, a batch file's) into the team's own kept start frames and
 * sound tracks, each link fetched once however many requests share it, then prepares each request as any start
 * would. A clip is then sent from the team's checked copy, never from a link a file named.
 */
export function linkKeeper(owner: Owner, publicUrl: string | undefined): (request: GenerationRequest) => Promise<KeptRequest> {
  const kept = new Map<string, Promise<Kept>>();
  const once = (key: string, keep: () => Promise<Kept>) => kept.get(key) ?? kept.set(key, keep()).get(key)!;
  return async (input) => {
    let request = input;
    if (request.mode === 'image-to-video' && !request.imageId) {
      const link = request.imageUrls?.[0];
      const image = link ? await once(`image:${link}`, () => keepImageFromLink(link, owner)) : { ok: false as const, message: 'No start frame link' };
      if (!image.ok) return { ok: false, field: 'imageUrls', message: `the start frame could not be used (${image.message})` };
      if ('image' in image) request = { ...request, imageId: image.image.id };
    }
    const track = request.audioUrls?.[0];
    if (track && !request.audioId) {
      const sound = await once(`audio:${track}`, () => keepAudioFromLink(track, owner));
      if (!sound.ok) return { ok: false, field: 'audioUrls', message: `the sound track could not be used (${sound.message})` };
      if ('track' in sound) request = { ...request, audioId: sound.track.id };
    }
    const prepared = await prepareRequest(request, { teamId: owner.teamId, publicUrl });
    return prepared.ok ? prepared : { ok: false, field: null, message: Object.values(prepared.fieldErrors).flat().join(' ') };
  };
}
