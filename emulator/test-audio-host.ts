import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffmpegBinaryPath } from './ffmpeg';
import { type FileHost, startFileHost } from './test-file-host';
import { encodeWav } from './wav-file';

/** A mono 16-bit WAV of a steady sine, `seconds` long. */
export function buildSineWav(seconds: number, frequency = 330, sampleRate = 8000): Buffer {
  const samples = Int16Array.from({ length: Math.round(seconds * sampleRate) }, (_, index) =>
    Math.round(8000 * Math.sin((2 * Math.PI * frequency * index) / sampleRate)),
  );
  return encodeWav(samples, sampleRate, 1);
}

/** An MP3 (LAME, 44.1 kHz mono, behind an ID3v2 tag) of a steady sine, `seconds` long. */
export async function encodeSineMp3(seconds: number, frequency = 440): Promise<Buffer> {
  const source = `sine=frequency=${frequency}:sample_rate=44100:duration=${seconds}`;
  const args = ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', source, '-c:a', 'libmp3lame', '-b:a', '64k', '-f', 'mp3', '-'];
  const { stdout } = await promisify(execFile)(ffmpegBinaryPath(), args, { encoding: 'buffer' });
  return stdout;
}

/** A valid Layer III frame header followed by bytes that are no MPEG audio at all. */
export const MP3_HEADER_ONLY = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(4000, 7)]);
/** RIFF/WAVE with a fmt chunk of nonsense and no data. */
export const WAV_HEADER_ONLY = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(30, 1)]);
export const SIXTEEN_MB = 16 * 1024 * 1024;

export type AudioHost = FileHost;

/**
 * Serves the tracks the sound rows need: a 12 s MP3 (longer than any clip), 3 s and 4 s WAVs (shorter),
 * WAVs of 2 s and 31 s (outside 3–30 s), text dressed as MP3, header-only MP3/WAV, 16 MB, and one that never answers.
 */
export async function startAudioHost(): Promise<AudioHost> {
  const mp3 = await encodeSineMp3(12);
  const huge = Buffer.concat([buildSineWav(3), Buffer.alloc(SIXTEEN_MB)]);
  const track = (body: Buffer, declareLength = true) => ({ type: 'audio/mpeg', body, declareLength });
  const files = new Map([
    ['/voice-12s.mp3', track(mp3)],
    ['/chime-3s.wav', track(buildSineWav(3))],
    ['/chime-4s.wav', track(buildSineWav(4, 523))],
    ['/blip-2s.wav', track(buildSineWav(2))],
    ['/drone-31s.wav', track(buildSineWav(31))],
    ['/notes.mp3', track(Buffer.from('just some text, not a sound'))],
    ['/header-only.mp3', track(MP3_HEADER_ONLY)],
    ['/header-only.wav', track(WAV_HEADER_ONLY)],
    ['/huge-declared.wav', track(huge)],
    ['/huge-streamed.wav', track(huge, false)],
  ]);
  return startFileHost(files, '/never-answers.wav');
}
