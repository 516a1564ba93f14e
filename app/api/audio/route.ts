import { audioUrlForService, keepAudio, keepAudioFromLink, type KeptTrack, soundTrackView } from '@/lib/audio/sound-track';
import { MAX_AUDIO_BYTES } from '@/lib/audio/validate-audio';
import { type Kept, memberKeptUpload } from '@/lib/kept-upload';
import { TRACKS_NEED_PUBLIC_URL } from '@/lib/reachable-messages';

export const dynamic = 'force-dynamic';

const asKept = (kept: KeptTrack): Kept<Extract<KeptTrack, { ok: true }>['track']> => (kept.ok ? { ok: true, value: kept.track } : kept);

/**
 * A sound track for the second model, as a file upload (multipart, field `file`) or a link (JSON {url}):
 * wav or mp3 by its bytes, 3–30 s measured, ≤ 15 MB. Kept in our storage and answered with what to show.
 */
export async function POST(request: Request) {
  return memberKeptUpload(
    request,
    (owner) => ({
      maxBytes: MAX_AUDIO_BYTES,
      tooLarge: 'The sound file is larger than 15 MB. Use a shorter or more compressed track.',
      needsPublicUrl: TRACKS_NEED_PUBLIC_URL,
      chooseFile: 'Choose a WAV or MP3 file to upload.',
      pasteLink: 'Paste a link to a WAV or MP3 track',
      keepFile: async (bytes, name) => asKept(await keepAudio(bytes, owner, { label: name })),
      keepLink: async (url) => asKept(await keepAudioFromLink(url, owner)),
    }),
    (track) => Response.json({ ...soundTrackView(track), url: audioUrlForService(track) }, { status: 201 }),
  );
}
