// A sound track, checked by its bytes before it is kept or sent: the real format (not the name or the declared
// type), complete, and 3–30 s long as measured from the file by a maintained parser (music-metadata).
// No server-only: the studio form runs the same check before it uploads anything.
import { parseBuffer } from 'music-metadata';
import { formatSeconds } from './format-seconds';

export const MAX_AUDIO_BYTES = 15 * 1024 * 1024;
export const MIN_AUDIO_SECONDS = 3;
export const MAX_AUDIO_SECONDS = 30;

export type AudioFormat = 'wav' | 'mp3';
export type AudioCheck = { ok: true; format: AudioFormat; seconds: number } | { ok: false; message: string };

const containers: Record<string, AudioFormat> = { WAVE: 'wav', MPEG: 'mp3' };
const NOT_AUDIO = 'That file is not a WAV or MP3 sound track.';
const DAMAGED = 'The sound file is incomplete or damaged: its length cannot be measured.';

/** Everything checked before a track is used: real format by bytes, size, complete file, 3–30 s. */
export async function validateAudio(bytes: Uint8Array): Promise<AudioCheck> {
  if (bytes.byteLength > MAX_AUDIO_BYTES) return { ok: false, message: 'The sound file is larger than 15 MB. Use a shorter or more compressed track.' };
  if (bytes.byteLength === 0) return { ok: false, message: 'The file is empty.' };
  const sniffed = sniff(bytes);
  if (!sniffed) return { ok: false, message: NOT_AUDIO };
  let format;
  try {
    ({ format } = await parseBuffer(bytes, { mimeType: sniffed === 'wav' ? 'audio/wav' : 'audio/mpeg', size: bytes.byteLength }, { duration: true, skipCovers: true }));
  } catch {
    return { ok: false, message: NOT_AUDIO };
  }
  if (containers[format.container ?? ''] !== sniffed) return { ok: false, message: NOT_AUDIO };
  const seconds = format.duration;
  if (!seconds || !Number.isFinite(seconds) || !format.sampleRate) return { ok: false, message: DAMAGED };
  if (sniffed === 'wav') {
    const refused = wavProblem(bytes.byteLength, seconds, format);
    if (refused) return { ok: false, message: refused };
  }
  if (seconds < MIN_AUDIO_SECONDS) return { ok: false, message: `The track is ${lengthNear(seconds, MIN_AUDIO_SECONDS)}; it needs at least ${MIN_AUDIO_SECONDS} s.` };
  if (seconds > MAX_AUDIO_SECONDS + 0.05) return { ok: false, message: `The track is ${lengthNear(seconds, MAX_AUDIO_SECONDS)}; it can be at most ${MAX_AUDIO_SECONDS} s. Trim it first.` };
  return { ok: true, format: sniffed, seconds };
}

/** A length beside a limit it misses: to the hundredth when the tenth would read as the limit itself ("2.97 s"). */
function lengthNear(seconds: number, limit: number): string {
  const shown = formatSeconds(seconds);
  return shown === formatSeconds(limit) ? `${seconds.toFixed(2)} s` : shown;
}

// Uncompressed WAV only (plain PCM, float and 24-bit in the extensible header, µ-law, A-law), as music-metadata names them.
const UNCOMPRESSED = new Set(['PCM', 'IEEE_FLOAT', 'non-PCM (65534)', 'MULAW', 'ALAW']);

type WavFormat = { codec?: string; sampleRate?: number; numberOfChannels?: number; bitsPerSample?: number };

/** A WAV whose codec the service may not decode, or whose header claims more sound than the file holds. */
function wavProblem(fileBytes: number, seconds: number, format: WavFormat): string | undefined {
  if (!UNCOMPRESSED.has(format.codec ?? '')) return `That WAV is compressed (${format.codec ?? 'unknown codec'}); use an uncompressed WAV or an MP3.`;
  const { sampleRate = 0, numberOfChannels = 0, bitsPerSample = 0 } = format;
  const bytesPerSecond = (sampleRate * numberOfChannels * bitsPerSample) / 8;
  if (bytesPerSecond > 0 && seconds > fileBytes / bytesPerSecond + 0.1) return DAMAGED;
  return undefined;
}

/** RIFF/WAVE, or MPEG audio (a frame sync at the start or behind an ID3v2 tag). The parser confirms it. */
function sniff(bytes: Uint8Array): AudioFormat | undefined {
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.byteLength >= 12 && text(0, 4) === 'RIFF' && text(8, 12) === 'WAVE') return 'wav';
  if (text(0, 3) === 'ID3') return 'mp3';
  return bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0 ? 'mp3' : undefined;
}
