// What the browser knows of a kept sound track, and the sentences the studio says about sound. Plain values:
// the form imports this without loading the parser or the server's modules.
import { formatSeconds } from './format-seconds';

export type SoundTrackView = { id: string; label: string; seconds: number; format: 'wav' | 'mp3'; previewUrl: string };

/** How a track meets a clip of `clipSeconds`: cut when longer, silence after it when shorter. */
export function trackFitNote(trackSeconds: number, clipSeconds: number): string {
  const track = formatSeconds(trackSeconds);
  const gap = clipSeconds - trackSeconds;
  if (gap <= -0.05) return `The track is ${track} and the clip ${clipSeconds} s: the clip plays the track’s first ${clipSeconds} s, and the rest is cut.`;
  if (gap >= 0.05) {
    const rest = formatSeconds(gap);
    return `The track is ${track} and the clip ${clipSeconds} s: the last ${rest} of the clip ${rest === '1 s' ? 'is' : 'are'} silent.`;
  }
  return `The track and the clip are both ${clipSeconds} s.`;
}

/** What a clip on a model with sound will sound like before a track is chosen. */
export const OWN_SOUND_NOTE = 'This clip will have sound. Without a track, the model makes its own to match the picture; add a voice or music track (WAV or MP3, 3–30 s) to use yours instead.';
