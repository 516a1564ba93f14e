import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderParams, SoundSource } from './scene';
import { renderTone, tonePlan } from './tone-pattern';
import { encodeWav } from './wav-file';

export const AUDIO_SAMPLE_RATE = 48_000;
export const AUDIO_BITRATE = '96k';

/** The ffmpeg input for a clip's sound: the track as kept, or the tone pattern written to the scratch folder. */
export async function soundInputArgs(sound: SoundSource, params: RenderParams, workDir: string): Promise<string[]> {
  if (sound.kind === 'track') return ['-f', sound.format, '-i', `file:${sound.path}`];
  const tonePath = join(workDir, 'tone.wav');
  const samples = renderTone(tonePlan(params.seed, params.prompt, params.duration), params.duration, AUDIO_SAMPLE_RATE);
  await writeFile(tonePath, encodeWav(samples, AUDIO_SAMPLE_RATE, 2));
  return ['-f', 'wav', '-i', `file:${tonePath}`];
}

/**
 * Encodes input `inputIndex`'s first audio stream as AAC of exactly the clip's length: resampled to 48 kHz
 * stereo, padded with silence when shorter, cut when longer (counted in samples, so it is exact), bitexact.
 */
export function soundOutputArgs(inputIndex: number, seconds: number): string[] {
  const filters = [
    `aresample=${AUDIO_SAMPLE_RATE}`,
    'aformat=sample_fmts=fltp:channel_layouts=stereo',
    'apad',
    `atrim=end_sample=${seconds * AUDIO_SAMPLE_RATE}`,
  ];
  return [
    ...['-map', `${inputIndex}:a:0`, '-af', filters.join(',')],
    ...['-c:a', 'aac', '-b:a', AUDIO_BITRATE, '-flags:a', '+bitexact'],
  ];
}
