import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violatesContentPolicy } from './content-policy';
import { promptCaption, type RenderParams } from './scene';
import { parseRange } from './serve-video';
import { describeVideo } from './test-video-probe';
import { createVideoCache } from './video-cache';

const params: RenderParams = {
  prompt: 'neon koi circling a moonlit pond',
  negativePrompt: 'blur',
  seed: 2147483647,
  aspectRatio: '9:16',
  duration: 10,
  resolution: '1080p',
};

describe('rendering', () => {
  const dirs: string[] = [];
  beforeAll(async () => {
    dirs.push(await mkdtemp(join(tmpdir(), 'wan-render-a-')), await mkdtemp(join(tmpdir(), 'wan-render-b-')));
  });
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('renders byte-identical H.264 files in separate caches, sized and timed as asked', async () => {
    const [dirA = '', dirB = ''] = dirs;
    const [nameA, nameB] = await Promise.all([createVideoCache(dirA).ensureVideo(params), createVideoCache(dirB).ensureVideo(params)]);
    expect(nameA).toBe(nameB);
    const [bytesA, bytesB] = await Promise.all([readFile(join(dirA, `${nameA}.mp4`)), readFile(join(dirB, `${nameB}.mp4`))]);
    expect(bytesA.equals(bytesB)).toBe(true);
    const summary = await describeVideo(join(dirA, `${nameA}.mp4`));
    expect(summary).toContain('Duration: 00:00:10.00');
    expect(summary).toMatch(/Video: h264 .*yuv420p.*180x320.* 24 fps/);
  });

  it('shares one render between concurrent identical requests', async () => {
    const cache = createVideoCache(dirs[0] ?? '');
    const other = { ...params, seed: 1, aspectRatio: '1:1' as const, duration: 5 as const };
    const [first, second] = [cache.ensureVideo(other), cache.ensureVideo(other)];
    expect(second).toBe(first);
    expect(await describeVideo(join(dirs[0] ?? '', `${await first}.mp4`))).toContain('240x240');
  });
});

describe('helpers', () => {
  it('captions the first prompt words in at most two lines', () => {
    expect(promptCaption('a  cat', 320)).toBe('a cat');
    expect(promptCaption(' ', 320)).toBe('…');
    const caption = promptCaption('one two three four five six seven eight nine ten eleven twelve thirteen', 180);
    expect(caption.split('\n')).toHaveLength(2);
    expect(caption.endsWith('…')).toBe(true);
  });

  it('parses byte ranges', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-5', 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(parseRange(undefined, 100)).toBeUndefined();
  });

  it('matches blocklisted words whole and case-insensitively', () => {
    expect(violatesContentPolicy('Something FORBIDDEN here')).toBe(true);
    expect(violatesContentPolicy('unforbiddenly calm')).toBe(false);
  });
});
