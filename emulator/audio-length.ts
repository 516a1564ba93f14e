import type { AudioFormat } from './audio-format';
import { runFfmpeg } from './ffmpeg';

/** Decoded to 8 kHz mono 16-bit: cheap, and precise to 1/8000 s. */
const MEASURE_RATE = 8000;

/**
 * How long a track plays, in seconds, by decoding all of it (headers can lie, and a file that does not decode
 * is not audio); undefined when ffmpeg cannot decode it or it holds no sound at all.
 */
export async function measureAudioSeconds(path: string, format: AudioFormat): Promise<number | undefined> {
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', format, '-i', `file:${path}`];
  const output = ['-map', '0:a:0', '-ac', '1', '-ar', String(MEASURE_RATE), '-f', 's16le', 'pipe:1'];
  try {
    const bytes = await runFfmpeg([...args, ...output]);
    return bytes > 0 ? bytes / 2 / MEASURE_RATE : undefined;
  } catch {
    return undefined;
  }
}
