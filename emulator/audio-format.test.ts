import { describe, expect, it } from 'vitest';
import { sniffAudioFormat } from './audio-format';
import { MODELS } from './models';
import { audioLengthProblem } from './source-audio';
import { buildSineWav, encodeSineMp3, MP3_HEADER_ONLY, WAV_HEADER_ONLY } from './test-audio-host';
import { renderTone, tonePlan } from './tone-pattern';

describe('sniffAudioFormat: WAV or MP3 by the bytes alone', () => {
  it('recognises a real WAV and a LAME MP3 behind its ID3 tag', async () => {
    expect(sniffAudioFormat(buildSineWav(1))).toBe('wav');
    const mp3 = await encodeSineMp3(1);
    expect(mp3.toString('latin1', 0, 3)).toBe('ID3');
    expect(sniffAudioFormat(mp3)).toBe('mp3');
  });

  it('finds the fmt chunk behind a LIST chunk, and an MP3 frame without a tag', () => {
    const wav = buildSineWav(1);
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([4, 0, 0, 0]), Buffer.from('INFO')]);
    expect(sniffAudioFormat(Buffer.concat([wav.subarray(0, 12), list, wav.subarray(12)]))).toBe('wav');
    expect(sniffAudioFormat(MP3_HEADER_ONLY)).toBe('mp3');
    expect(sniffAudioFormat(WAV_HEADER_ONLY)).toBe('wav');
  });

  it.each([
    ['text', Buffer.from('just some text')],
    ['a RIFF that is WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(20)])],
    ['a RIFF/WAVE without fmt', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEdata'), Buffer.alloc(20)])],
    ['an MPEG frame of the reserved version', Buffer.from([0xff, 0xeb, 0x90, 0x64, 0, 0])],
    ['a Layer II frame', Buffer.from([0xff, 0xfd, 0x90, 0x64, 0, 0])],
    ['an ID3 tag with nothing after it', Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, 0]), Buffer.alloc(8)])],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_label, bytes) => {
    expect(sniffAudioFormat(bytes)).toBeUndefined();
  });
});

describe('the tone pattern', () => {
  it('is exactly seconds × rate stereo frames, the same for the same seed and prompt, other for another', () => {
    const tone = (seed: number, prompt: string) => renderTone(tonePlan(seed, prompt, 5), 5, 8000);
    const first = tone(1, 'a calm lake');
    expect(first).toHaveLength(5 * 8000 * 2);
    expect(tone(1, 'a calm lake')).toEqual(first);
    expect(tone(2, 'a calm lake')).not.toEqual(first);
    expect(tone(1, 'a busy street')).not.toEqual(first);
  });

  it('walks the scale in small steps, within two octaves', () => {
    const { degrees, noteSeconds } = tonePlan(123, 'x', 10);
    expect(noteSeconds).toBeGreaterThanOrEqual(0.6);
    expect(noteSeconds).toBeLessThanOrEqual(1);
    expect(degrees.length).toBe(Math.ceil(10 / noteSeconds));
    degrees.forEach((degree, index) => {
      expect(degree).toBeGreaterThanOrEqual(0);
      expect(degree).toBeLessThanOrEqual(9);
      if (index > 0) expect(Math.abs(degree - (degrees[index - 1] ?? 0))).toBeLessThanOrEqual(2);
    });
  });
});

describe('audioLengthProblem: 3–30 s, measured', () => {
  const rules = MODELS['wan-2-5-video'].audio;
  if (!rules) throw new Error('wan-2-5-video takes audio');
  it.each([
    [3, undefined],
    [30, undefined],
    [2.96, 'Audio must be 3–30 s long (this one is 2.96 s)'],
    [2, 'Audio must be 3–30 s long (this one is 2.0 s)'],
    [30.04, 'Audio must be 3–30 s long (this one is 30.04 s)'],
    [undefined, 'Audio could not be decoded'],
  ])('%s s → %s', (seconds, problem) => {
    expect(audioLengthProblem(rules, seconds)).toBe(problem);
  });
});
