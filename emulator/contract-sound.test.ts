import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAudioHost, type AudioHost } from './test-audio-host';
import { KEY_A, resultUrlOf, startTestEmulator, type TestEmulator } from './test-kit';
import { decodeAudio, describeStreams, peakLevel, rmsLevel, zeroCrossingsPerSecond } from './test-video-probe';

/** Contract § The second model: sound with the picture (audio_urls, wav or mp3, 3–30 s, ≤ 15 MB); the first model stays silent. */
let emulator: TestEmulator;
let tracks: AudioHost;
beforeAll(async () => {
  [emulator, tracks] = await Promise.all([startTestEmulator(), startAudioHost()]);
});
afterAll(async () => {
  await Promise.all([emulator.stop(), tracks.close()]);
});

const VIDEO = 'wan-2-5-video';
const input = { prompt: 'wind chimes on a quiet porch', seed: 808, resolution: '480p' };

async function finished(taskInput: Record<string, unknown>, model: 'wan-2-5' | 'wan-2-5-video' = VIDEO) {
  const taskId = await emulator.createTask(taskInput, {}, KEY_A, model);
  return (await emulator.waitForFinish(taskId, model)).final;
}

/** The rendered file behind a finished task (the result URL's name is the file's). */
async function videoOf(taskInput: Record<string, unknown>, model: 'wan-2-5' | 'wan-2-5-video' = VIDEO) {
  const final = await finished(taskInput, model);
  expect(final.state).toBe('success');
  const url = resultUrlOf(final);
  return { url, path: join(emulator.dataDir, url.slice(url.lastIndexOf('/') + 1)) };
}

async function download(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(url)).arrayBuffer());
}

describe.concurrent('Without a track the second model makes its own sound; the first model has none', () => {
  it('wan-2-5 clips have no audio stream at all', async () => {
    const { path } = await videoOf({ prompt: input.prompt, seed: input.seed }, 'wan-2-5');
    expect((await describeStreams(path)).audio).toEqual([]);
  });

  it.each([5, 10])('a %i s wan-2-5-video clip has one AAC stream exactly as long as the clip', async (duration) => {
    const { path } = await videoOf({ ...input, duration });
    expect(await describeStreams(path)).toEqual({
      seconds: duration,
      video: { seconds: duration },
      audio: [{ codec: 'aac (LC)', sampleRate: 48_000, layout: 'stereo', seconds: duration }],
    });
  });

  it('the tone is calm: audible, never clipping, with the zero crossings of low notes rather than noise', async () => {
    const { path } = await videoOf(input);
    const samples = await decodeAudio(path, 48_000);
    const level = rmsLevel(samples);
    expect(level).toBeGreaterThan(0.03);
    expect(level).toBeLessThan(0.3);
    expect(peakLevel(samples)).toBeLessThan(0.95);
    // White noise at 48 kHz crosses zero ≈ 24 000 times a second; notes around 100–600 Hz cross a few hundred times.
    expect(zeroCrossingsPerSecond(samples, 48_000)).toBeLessThan(1500);
  });

  it('the seed and the prompt shape the tone: another seed, another sound', async () => {
    const [first, otherSeed, otherPrompt] = await Promise.all([
      videoOf(input),
      videoOf({ ...input, seed: input.seed + 1 }),
      videoOf({ ...input, prompt: 'a lighthouse keeper humming' }),
    ]);
    const [a, b, c] = await Promise.all([decodeAudio(first.path), decodeAudio(otherSeed.path), decodeAudio(otherPrompt.path)]);
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
  });
});

describe.concurrent('With a track in audio_urls, the clip plays that track, cut or padded to the clip', () => {
  it('a 12 s MP3 in a 5 s clip is cut at 5 s', async () => {
    const { path } = await videoOf({ ...input, audio_urls: [tracks.url('/voice-12s.mp3')] });
    const streams = await describeStreams(path);
    expect(streams.seconds).toBe(5);
    expect(streams.audio).toEqual([{ codec: 'aac (LC)', sampleRate: 48_000, layout: 'stereo', seconds: 5 }]);
    const samples = await decodeAudio(path);
    // The sine plays to the end: the last half second is as loud as the middle.
    const [middle, end] = [rmsLevel(samples.subarray(2 * 8000, 3 * 8000)), rmsLevel(samples.subarray(4.4 * 8000, 4.9 * 8000))];
    expect(middle).toBeGreaterThan(0.03);
    expect(end / middle).toBeGreaterThan(0.9);
  });

  it('a 3 s WAV in a 5 s clip plays for 3 s, then the rest is silent', async () => {
    const { path } = await videoOf({ ...input, audio_urls: [tracks.url('/chime-3s.wav')] });
    expect((await describeStreams(path)).audio.map((stream) => stream.seconds)).toEqual([5]);
    const samples = await decodeAudio(path);
    expect(rmsLevel(samples.subarray(1 * 8000, 2.5 * 8000))).toBeGreaterThan(0.08);
    expect(rmsLevel(samples.subarray(3.2 * 8000, 4.9 * 8000))).toBeLessThan(0.001);
  });
});

describe('Same request → byte-identical file, with sound', () => {
  it('the tone and a track each reproduce to the byte; another track gives other bytes', async () => {
    const withTrack = { ...input, seed: 909, audio_urls: [tracks.url('/chime-3s.wav')] };
    const [tone, toneAgain, track, trackAgain, otherTrack] = await Promise.all([
      videoOf({ ...input, seed: 909 }),
      videoOf({ ...input, seed: 909 }),
      videoOf(withTrack),
      videoOf(withTrack),
      videoOf({ ...withTrack, audio_urls: [tracks.url('/chime-4s.wav')] }),
    ]);
    expect(toneAgain.url).toBe(tone.url);
    expect(trackAgain.url).toBe(track.url);
    expect(new Set([tone.url, track.url, otherTrack.url]).size).toBe(3);
    const [toneBytes, toneAgainBytes, trackBytes, trackAgainBytes] = await Promise.all([
      download(tone.url),
      download(toneAgain.url),
      download(track.url),
      download(trackAgain.url),
    ]);
    expect(toneAgainBytes.equals(toneBytes)).toBe(true);
    expect(trackAgainBytes.equals(trackBytes)).toBe(true);
  });
});

describe.concurrent('INVALID_AUDIO_URL: a track that is not valid audio fails the task, saying why', () => {
  it.each([
    ['a track that answers 404', '/missing.mp3', 'Audio could not be downloaded (HTTP 404)'],
    ['a text file named .mp3', '/notes.mp3', 'Audio is not a WAV or MP3 file'],
    ['an MP3 frame header followed by junk', '/header-only.mp3', 'Audio could not be decoded'],
    ['a WAV header with nothing after it', '/header-only.wav', 'Audio could not be decoded'],
    ['a 2 s WAV', '/blip-2s.wav', 'Audio must be 3–30 s long (this one is 2.0 s)'],
    ['a 31 s WAV', '/drone-31s.wav', 'Audio must be 3–30 s long (this one is 31.0 s)'],
    ['16 MB with Content-Length', '/huge-declared.wav', 'Audio is larger than 15 MB'],
    ['16 MB streamed without Content-Length', '/huge-streamed.wav', 'Audio is larger than 15 MB'],
  ])('%s (the create itself succeeds)', async (_label, path, failMsg) => {
    expect(await finished({ ...input, audio_urls: [tracks.url(path)] })).toMatchObject({ state: 'failed', failCode: 'INVALID_AUDIO_URL', failMsg });
  });

  it('an unreachable host', async () => {
    expect(await finished({ ...input, audio_urls: ['http://127.0.0.1:9/track.wav'] })).toMatchObject({
      failCode: 'INVALID_AUDIO_URL',
      failMsg: 'Audio could not be downloaded (connection failed)',
    });
  });

  it('the first model ignores audio_urls like any unknown field: its clip renders, silent', async () => {
    const { path } = await videoOf({ prompt: input.prompt, seed: 5, audio_urls: [tracks.url('/notes.mp3')] }, 'wan-2-5');
    expect((await describeStreams(path)).audio).toEqual([]);
  });
});
