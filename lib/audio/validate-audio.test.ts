import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ffmpegBinaryPath } from '@/emulator/ffmpeg';
import { buildSineWav, encodeSineMp3, MP3_HEADER_ONLY, WAV_HEADER_ONLY } from '@/emulator/test-audio-host';
import { formatSeconds } from './format-seconds';
import { trackFitNote } from './track-view';
import { validateAudio } from './validate-audio';

const check = (bytes: Buffer) => validateAudio(new Uint8Array(bytes));

describe('validateAudio: wav or mp3 by its bytes, complete, 3–30 s measured from the file', () => {
  it('takes a WAV and an MP3, with the format and length measured', async () => {
    expect(await check(buildSineWav(4))).toEqual({ ok: true, format: 'wav', seconds: 4 });
    const mp3 = await check(await encodeSineMp3(12));
    expect(mp3).toMatchObject({ ok: true, format: 'mp3' });
    expect(mp3.ok && Math.abs(mp3.seconds - 12) < 0.1).toBe(true);
    expect(await check(buildSineWav(3))).toMatchObject({ ok: true, seconds: 3 });
    expect(await check(buildSineWav(30))).toMatchObject({ ok: true, seconds: 30 });
  });

  it('refuses a track shorter than 3 s or longer than 30 s, saying its measured length', async () => {
    expect(await check(buildSineWav(2.5))).toEqual({ ok: false, message: 'The track is 2.5 s; it needs at least 3 s.' });
    expect(await check(await encodeSineMp3(40))).toEqual({ ok: false, message: 'The track is 40 s; it can be at most 30 s. Trim it first.' });
  });

  it('says a length just under 3 s to the hundredth, not as "3 s"', async () => {
    expect(await check(buildSineWav(2.97))).toEqual({ ok: false, message: 'The track is 2.97 s; it needs at least 3 s.' });
  });

  it('refuses a compressed WAV (ADPCM) and takes an uncompressed float one', async () => {
    const adpcm = execFileSync(ffmpegBinaryPath(), ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=duration=4', '-c:a', 'adpcm_ms', '-f', 'wav', '-']);
    expect(await check(adpcm)).toEqual({ ok: false, message: 'That WAV is compressed (ADPCM); use an uncompressed WAV or an MP3.' });
    const float = execFileSync(ffmpegBinaryPath(), ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=duration=4', '-c:a', 'pcm_f32le', '-f', 'wav', '-']);
    expect(await check(float)).toMatchObject({ ok: true, format: 'wav', seconds: 4 });
  });

  it('refuses what only looks like audio: text, a header with nothing behind it', async () => {
    expect(await check(Buffer.from('just some text, not a sound'))).toEqual({ ok: false, message: 'That file is not a WAV or MP3 sound track.' });
    expect(await check(MP3_HEADER_ONLY)).toMatchObject({ ok: false, message: expect.stringContaining('incomplete or damaged') });
    expect(await check(WAV_HEADER_ONLY)).toMatchObject({ ok: false });
    // A WAV cut short is measured by what it holds, not by what its header promised.
    const wav = buildSineWav(10);
    expect(await check(wav.subarray(0, wav.length / 2))).toMatchObject({ ok: true, seconds: expect.closeTo(5, 1) });
    expect(await check(Buffer.alloc(0))).toEqual({ ok: false, message: 'The file is empty.' });
  });

  it('refuses a file over 15 MB before parsing it', async () => {
    expect(await check(Buffer.alloc(15 * 1024 * 1024 + 1))).toMatchObject({ ok: false, message: expect.stringContaining('larger than 15 MB') });
  });

  it('says how a track meets the clip: cut when longer, silence after it when shorter', () => {
    expect(trackFitNote(12.04, 5)).toBe('The track is 12 s and the clip 5 s: the clip plays the track’s first 5 s, and the rest is cut.');
    expect(trackFitNote(3, 5)).toBe('The track is 3 s and the clip 5 s: the last 2 s of the clip are silent.');
    expect(trackFitNote(7.5, 10)).toBe('The track is 7.5 s and the clip 10 s: the last 2.5 s of the clip are silent.');
    expect(trackFitNote(5.01, 5)).toBe('The track and the clip are both 5 s.');
  });

  it('writes lengths as people read them', () => {
    expect([formatSeconds(3), formatSeconds(12.04), formatSeconds(2.5), formatSeconds(29.96)]).toEqual(['3 s', '12 s', '2.5 s', '30 s']);
  });
});
