import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAME_RATE, FRAME_SIZES, type RenderParams } from './scene';
import { paletteFor } from './scene-palette';
import { averageRgb, frameRgb, meanDifference, type RgbFrame } from './test-video-probe';
import { createVideoCache, type VideoCache } from './video-cache';

const base: RenderParams = {
  prompt: 'a lighthouse on a quiet cape',
  negativePrompt: '',
  seed: 42,
  aspectRatio: '16:9',
  duration: 5,
  resolution: '720p',
};

let dir: string;
let cache: VideoCache;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-scene-'));
  cache = createVideoCache(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function render(params: RenderParams): Promise<string> {
  return join(dir, `${await cache.ensureVideo(params)}.mp4`);
}

function frameOf(path: string, params: RenderParams, index: number): Promise<RgbFrame> {
  const { width, height } = FRAME_SIZES[params.aspectRatio];
  return frameRgb(path, width, height, index);
}

/** The sky: the top third, below the seed caption. */
const sky = (frame: RgbFrame) => averageRgb(frame, { x: 0, y: 40, width: frame.width, height: Math.floor(frame.height / 3) - 20 });

describe('text-to-video scenes', () => {
  it('renders the same request to the same bytes, in a fresh cache too', async () => {
    const other = await mkdtemp(join(tmpdir(), 'wan-scene-b-'));
    try {
      const [a, b] = await Promise.all([render(base), createVideoCache(other).ensureVideo(base)]);
      expect((await readFile(a)).equals(await readFile(join(other, `${b}.mp4`)))).toBe(true);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('lays the scene out differently for another seed', async () => {
    const [a, b] = await Promise.all([render(base), render({ ...base, seed: 43 })]);
    const [frameA, frameB] = await Promise.all([frameOf(a, base, 24), frameOf(b, base, 24)]);
    expect(meanDifference(frameA, frameB)).toBeGreaterThan(5);
  });

  it('takes its colours from the prompt', async () => {
    const sunset = { ...base, prompt: 'a sunset over the hills' };
    const ocean = { ...base, prompt: 'the open ocean, slow waves' };
    const [warm, cool] = await Promise.all([render(sunset), render(ocean)]);
    const [warmSky, coolSky] = await Promise.all([frameOf(warm, sunset, 0).then(sky), frameOf(cool, ocean, 0).then(sky)]);
    const [warmR = 0, , warmB = 0] = warmSky;
    const [coolR = 0, , coolB = 0] = coolSky;
    expect(warmR - warmB).toBeGreaterThan(coolR - coolB + 40);
  });

  it('moves smoothly: neighbouring frames differ a little, the clip as a whole visibly', async () => {
    for (const aspectRatio of ['16:9', '9:16', '1:1'] as const) {
      const params = { ...base, aspectRatio, duration: 10 as const };
      const path = await render(params);
      const last = params.duration * FRAME_RATE - 1;
      const [first, next, end] = await Promise.all([frameOf(path, params, 60), frameOf(path, params, 61), frameOf(path, params, last)]);
      // Pixel noise differs by ≈ 12 per channel from one frame to the next.
      expect(meanDifference(first, next)).toBeLessThan(0.5);
      expect(meanDifference(first, end)).toBeGreaterThan(2);
    }
  });
});

describe('paletteFor', () => {
  it('picks a named palette by the first telling word, whatever the case', () => {
    expect(paletteFor('NEON signs at night', '')).toEqual(paletteFor('neon', ''));
    expect(paletteFor('night over the neon city', '')).toEqual(paletteFor('midnight', ''));
    expect(paletteFor('forest', '')).not.toEqual(paletteFor('ocean', ''));
  });

  it('falls back to a colour from the words themselves', () => {
    expect(paletteFor('a lighthouse on a quiet cape', '')).toEqual(paletteFor('a lighthouse on a quiet cape', ''));
    expect(paletteFor('a lighthouse on a quiet cape', '')).not.toEqual(paletteFor('a teapot on a table', ''));
  });
});
