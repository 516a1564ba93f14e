import { sniffAudioFormat, type AudioFormat } from './audio-format';
import { downloadProblem, fetchLimited, SOURCE_FETCH_TIMEOUT_MS } from './fetch-limited';
import type { AudioRules } from './models';

/**
 * Not in the contract (APIXO documents no audio fail code): named like INVALID_IMAGE_URL, its image twin.
 * The create call succeeds; the task fails at completion time with a failMsg saying why.
 */
export const INVALID_AUDIO_URL = 'INVALID_AUDIO_URL';

const MB = 1024 * 1024;

export const AUDIO_FAIL_MESSAGES = {
  notAudio: 'Audio is not a WAV or MP3 file',
  undecodable: 'Audio could not be decoded',
  tooLarge: (rules: AudioRules) => `Audio is larger than ${rules.maxBytes / MB} MB`,
  badLength: ({ seconds }: AudioRules, length: number) => {
    // One decimal, unless that would round a refused length into the range (30.04 s must not say 30.0 s).
    const shown = Number(length.toFixed(1)) < seconds.min || Number(length.toFixed(1)) > seconds.max ? length.toFixed(1) : length.toFixed(2);
    return `Audio must be ${seconds.min}–${seconds.max} s long (this one is ${shown} s)`;
  },
} as const;

export type SourceAudioResult = { ok: true; format: AudioFormat; bytes: Buffer } | { ok: false; failMsg: string };

/** Downloads the sound track and checks that its bytes are WAV or MP3; its length is measured once it is kept. */
export async function fetchSourceAudio(url: string, rules: AudioRules, timeoutMs = SOURCE_FETCH_TIMEOUT_MS): Promise<SourceAudioResult> {
  const fetched = await fetchLimited(url, rules.maxBytes, timeoutMs);
  if (!fetched.ok) {
    const problem = downloadProblem(fetched.failure);
    return { ok: false, failMsg: problem ? `Audio ${problem}` : AUDIO_FAIL_MESSAGES.tooLarge(rules) };
  }
  const format = sniffAudioFormat(fetched.bytes);
  if (!format || !rules.formats.includes(format)) return { ok: false, failMsg: AUDIO_FAIL_MESSAGES.notAudio };
  return { ok: true, format, bytes: fetched.bytes };
}

/** The failMsg for a measured length outside the model's bounds (or no length at all), else undefined. */
export function audioLengthProblem(rules: AudioRules, seconds: number | undefined): string | undefined {
  if (seconds === undefined) return AUDIO_FAIL_MESSAGES.undecodable;
  // Rounded to the decode's precision, so a 3.0 s file is not refused for a resampler's last sample.
  const length = Math.round(seconds * 100) / 100;
  return length < rules.seconds.min || length > rules.seconds.max ? AUDIO_FAIL_MESSAGES.badLength(rules, seconds) : undefined;
}
