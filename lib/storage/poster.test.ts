import type * as ChildProcess from 'node:child_process';
import { execFileSync, spawnSync, type SpawnOptions } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { imageSize } from '@/lib/images/image-header';
import { resetEnvForTests } from '@/lib/env';
import { log } from '@/lib/ops/log';
import { frameArgs, posterOf, removePoster, resetFfmpegForTests } from './poster';

// Counts the ffmpeg processes poster.ts starts (the clips below are made with execFileSync, not spawn).
const ffmpeg = vi.hoisted(() => ({ runs: 0, active: 0, peak: 0, last: { command: '', args: [] as readonly string[], env: {} as NodeJS.ProcessEnv | undefined } }));
vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof ChildProcess>();
  return {
    ...actual,
    spawn: (command: string, args: readonly string[], options: SpawnOptions) => {
      const child = actual.spawn(command, args, options);
      ffmpeg.runs += 1;
      ffmpeg.last = { command, args, env: options.env };
      ffmpeg.active += 1;
      ffmpeg.peak = Math.max(ffmpeg.peak, ffmpeg.active);
      child.on('close', () => (ffmpeg.active -= 1));
      return child;
    },
  };
});

const ffmpegPath = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
const dataDir = () => process.env.DATA_DIR ?? '';

/** A real H.264 clip in the video store: red, turning blue at 0.5 s. */
function makeClip(key: string, { width, height, seconds }: { width: number; height: number; seconds: number }) {
  const dir = path.join(dataDir(), 'videos');
  fs.mkdirSync(dir, { recursive: true });
  execFileSync(ffmpegPath, [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `color=c=red:s=${width}x${height}:r=24:d=${seconds}`],
    ...['-vf', "drawbox=c=blue:t=fill:enable='gte(t,0.5)',format=yuv420p", '-c:v', 'libx264', '-preset', 'ultrafast'],
    ...['-f', 'mp4', '-y', path.join(dir, key)],
  ]);
}

/** The poster's average colour, as [r, g, b]. */
function colourOf(file: string): number[] {
  const rgb = execFileSync(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-i', file, '-vf', 'scale=1:1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
  return [...rgb];
}

const postersDir = () => path.join(dataDir(), 'posters');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('posterOf', () => {
  it('makes a JPEG of the frame at 0.5 s, at most 640 px wide, with the clip’s aspect ratio', async () => {
    makeClip('wide.mp4', { width: 1280, height: 720, seconds: 1 });
    const poster = await posterOf('wide.mp4');
    expect(poster?.path).toBe(path.join(postersDir(), 'wide.mp4.jpg'));
    const bytes = fs.readFileSync(poster?.path ?? '');
    expect(poster?.bytes).toBe(bytes.length);
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(imageSize(bytes, 'jpeg')).toEqual({ width: 640, height: 360 });
    const [red = 0, , blue = 0] = colourOf(poster?.path ?? '');
    expect(blue).toBeGreaterThan(200);
    expect(red).toBeLessThan(50);
  });

  it('keeps a clip narrower than 640 px at its own size', async () => {
    makeClip('portrait.mp4', { width: 480, height: 848, seconds: 1 });
    const poster = await posterOf('portrait.mp4');
    expect(imageSize(fs.readFileSync(poster?.path ?? ''), 'jpeg')).toEqual({ width: 480, height: 848 });
  });

  it('takes the first frame of a clip shorter than 0.5 s', async () => {
    makeClip('short.mp4', { width: 320, height: 240, seconds: 0.2 });
    const poster = await posterOf('short.mp4');
    const [red = 0, , blue = 0] = colourOf(poster?.path ?? '');
    expect(red).toBeGreaterThan(200);
    expect(blue).toBeLessThan(50);
  });

  it('serves the cached file on later calls without running ffmpeg again', async () => {
    makeClip('again.mp4', { width: 320, height: 240, seconds: 1 });
    const first = await posterOf('again.mp4');
    const mtime = fs.statSync(first?.path ?? '').mtimeMs;
    const runs = ffmpeg.runs;
    expect(await posterOf('again.mp4')).toEqual(first);
    expect(ffmpeg.runs).toBe(runs);
    expect(fs.statSync(first?.path ?? '').mtimeMs).toBe(mtime);
  });

  it('runs ffmpeg once for concurrent first calls, leaving one file', async () => {
    makeClip('burst.mp4', { width: 320, height: 240, seconds: 1 });
    const runs = ffmpeg.runs;
    const posters = await Promise.all(Array.from({ length: 5 }, () => posterOf('burst.mp4')));
    expect(ffmpeg.runs - runs).toBe(1);
    expect(new Set(posters.map((poster) => poster?.path)).size).toBe(1);
    expect(fs.readdirSync(postersDir()).filter((name) => name.startsWith('burst.mp4'))).toEqual(['burst.mp4.jpg']);
  });

  it('runs at most two ffmpeg processes at once', async () => {
    const keys = ['c1.mp4', 'c2.mp4', 'c3.mp4', 'c4.mp4'];
    for (const key of keys) makeClip(key, { width: 640, height: 360, seconds: 1 });
    ffmpeg.peak = 0;
    const posters = await Promise.all(keys.map((key) => posterOf(key)));
    expect(posters.every((poster) => poster !== null)).toBe(true);
    expect(ffmpeg.peak).toBe(2);
  });

  it('gives null for a missing video, a file that is not a video and an invalid key, logging each once', async () => {
    const warn = vi.spyOn(log(), 'warn').mockImplementation(() => undefined);
    fs.writeFileSync(path.join(dataDir(), 'videos', 'broken.mp4'), 'definitely not an mp4 file');
    for (let i = 0; i < 2; i += 1) {
      expect(await posterOf('missing.mp4')).toBeNull();
      expect(await posterOf('broken.mp4')).toBeNull();
      expect(await posterOf('../videos/wide.mp4')).toBeNull();
      expect(await posterOf('..')).toBeNull();
    }
    expect(warn).toHaveBeenCalledTimes(4);
    expect(fs.readdirSync(postersDir()).filter((name) => name.startsWith('broken') || name.endsWith('.part'))).toEqual([]);
  });
});

describe('how ffmpeg runs', () => {
  it('under resource limits, reading only the one local MP4/MOV file, and with none of our environment', async () => {
    process.env.NEXTAUTH_SECRET = 'never-for-ffmpeg';
    makeClip('limits.mp4', { width: 320, height: 240, seconds: 1 });
    expect(await posterOf('limits.mp4')).not.toBeNull();
    const { command, args, env } = ffmpeg.last;
    if (fs.existsSync('/usr/bin/prlimit')) {
      expect(command).toBe('/usr/bin/prlimit');
      expect(args).toEqual(expect.arrayContaining(['--as=1073741824', '--cpu=15', '--fsize=33554432', '--core=0']));
      expect(args[args.indexOf('--') + 1]).toBe(ffmpegPath);
    }
    const input = args.indexOf('-i');
    expect(args.slice(input - 6, input + 2)).toEqual(['-protocol_whitelist', 'file', '-f', 'mov', '-threads', '1', '-i', `file:${path.join(dataDir(), 'videos', 'limits.mp4')}`]);
    expect(args).toContain('-nostdin');
    expect(Object.values(env ?? {})).not.toContain('never-for-ffmpeg');
    delete process.env.NEXTAUTH_SECRET;
  });
});

describe('removePoster', () => {
  it('deletes the cached poster, and the next call makes it again', async () => {
    makeClip('gone.mp4', { width: 320, height: 240, seconds: 1 });
    const poster = await posterOf('gone.mp4');
    await removePoster('gone.mp4');
    expect(fs.existsSync(poster?.path ?? '')).toBe(false);
    await expect(removePoster('gone.mp4')).resolves.toBeUndefined();
    const runs = ffmpeg.runs;
    expect(await posterOf('gone.mp4')).not.toBeNull();
    expect(ffmpeg.runs - runs).toBe(1);
  });
});

describe('posterOf refuses files that would make ffmpeg open something else', () => {
  // A stand-in for anything on our network a crafted file might point ffmpeg at.
  let hits = 0;
  const bait = http.createServer((_req, res) => {
    hits += 1;
    res.end('x');
  });
  let baitUrl = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
    baitUrl = `http://127.0.0.1:${(bait.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => bait.close(() => resolve())));

  const playlist = (segments: string[]) => `#EXTM3U\n#EXT-X-TARGETDURATION:1\n${segments.map((s) => `#EXTINF:1,\n${s}\n`).join('')}#EXT-X-ENDLIST\n`;

  it.each([
    ['an HLS playlist', () => playlist([`${baitUrl}/segment.ts`, `file:${path.join(dataDir(), 'videos', 'secret.mp4')}`])],
    ['a concat script', () => `ffconcat version 1.0\nfile secret.mp4\nfile ${baitUrl}/x.mp4\n`],
    ['a WebM file', () => Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
  ])('%s named .mp4 gets no poster, and ffmpeg never runs', async (_name, body) => {
    vi.spyOn(log(), 'warn').mockImplementation(() => undefined);
    makeClip('secret.mp4', { width: 320, height: 240, seconds: 1 });
    const key = `trap-${crypto.randomUUID()}.mp4`;
    fs.writeFileSync(path.join(dataDir(), 'videos', key), body());
    const runs = ffmpeg.runs;
    expect(await posterOf(key)).toBeNull();
    expect(ffmpeg.runs).toBe(runs);
    expect(hits).toBe(0);
  });

  it('even past the head check, ffmpeg as we run it reads the one file as MP4 only: no script, playlist, network or other file', () => {
    makeClip('secret.mp4', { width: 320, height: 240, seconds: 1 });
    const videos = path.join(dataDir(), 'videos');
    const script = path.join(videos, 'script.mp4');
    fs.writeFileSync(script, 'ffconcat version 1.0\nfile secret.mp4\n');
    const hls = path.join(videos, 'list.m3u8');
    fs.writeFileSync(hls, playlist([`${baitUrl}/segment.ts`, `file:${path.join(videos, 'secret.mp4')}`]));
    const out = path.join(dataDir(), 'trap.jpg');
    // The attack is real: without the whitelist and forced format, ffmpeg 4.1 follows the script into another file.
    const loose = spawnSync(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', script, '-frames:v', '1', '-f', 'image2', '-y', out]);
    expect(loose.status).toBe(0);
    fs.rmSync(out);
    for (const trap of [script, hls]) {
      const hardened = spawnSync(ffmpegPath, frameArgs(trap, out, { major: 4, minor: 1 }));
      expect(hardened.status).not.toBe(0);
      expect(hardened.stderr.toString()).toMatch(/moov atom not found|Invalid data/);
      expect(fs.existsSync(out)).toBe(false);
    }
    expect(hits).toBe(0);
  });
});

describe('which ffmpeg makes posters', () => {
  const savedPath = process.env.PATH;
  const binDir = () => path.join(dataDir(), 'fake-bin');
  const sampleJpeg = () => path.join(dataDir(), 'sample.jpg');

  /**
   * A stand-in ffmpeg at `file`: it names `version` for -version; otherwise it records its arguments to
   * `file`.args and writes a real JPEG where it is told (or, `hang`, the start of one, then waits on a minute-long child).
   */
  function fakeFfmpeg(file: string, { version, hang = false }: { version: string; hang?: boolean }): string {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(sampleJpeg())) {
      execFileSync(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=green:s=64x36', '-frames:v', '1', '-y', sampleJpeg()]);
    }
    const lines = [
      '#!/bin/sh',
      `for a; do [ "$a" = -version ] && { echo 'ffmpeg version ${version} Copyright (c) the FFmpeg developers'; exit 0; }; done`,
      `printf '%s\\n' "$@" > '${file}.args'`,
      'for a; do out="$a"; done',
      // A wrapper that does not `exec`: its child holds ffmpeg's stderr open, and must be killed with it.
      ...(hang ? [`printf '\\377\\330\\377' > "\${out#file:}"`, `/bin/sleep 60 & echo $! > '${file}.child'`, 'wait'] : [`/bin/cp '${sampleJpeg()}' "\${out#file:}"`]),
    ];
    const script = `${lines.join('\n')}\n`;
    fs.writeFileSync(file, script, { mode: 0o755 });
    return file;
  }

  /** The ffmpeg binary poster.ts last started (behind prlimit when there is one). */
  const lastBinary = () => (ffmpeg.last.command === '/usr/bin/prlimit' ? ffmpeg.last.args[ffmpeg.last.args.indexOf('--') + 1] : ffmpeg.last.command);
  const recordedArgs = (file: string) => (fs.existsSync(`${file}.args`) ? fs.readFileSync(`${file}.args`, 'utf8').split('\n') : undefined);

  function choose(vars: { PATH?: string; FFMPEG_PATH?: string }): void {
    process.env.PATH = vars.PATH ?? savedPath;
    if (vars.FFMPEG_PATH) process.env.FFMPEG_PATH = vars.FFMPEG_PATH;
    else delete process.env.FFMPEG_PATH;
    resetEnvForTests();
    resetFfmpegForTests();
  }

  beforeEach(() => {
    vi.spyOn(log(), 'info').mockImplementation(() => undefined);
  });
  afterEach(() => choose({}));

  it('prefers a current system ffmpeg (6.1) on PATH over the bundled 4.1, with its newer flags', async () => {
    const system = fakeFfmpeg(path.join(binDir(), 'current', 'ffmpeg'), { version: '6.1' });
    choose({ PATH: `${path.dirname(system)}${path.delimiter}${savedPath}` });
    makeClip('system.mp4', { width: 320, height: 240, seconds: 1 });
    const poster = await posterOf('system.mp4');
    expect([...fs.readFileSync(poster?.path ?? '').subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(lastBinary()).toBe(system);
    const args = recordedArgs(system);
    expect(args).toContain('-fps_mode');
    expect(args).not.toContain('-vsync');
    expect(args).toContain(`file:${path.join(dataDir(), 'videos', 'system.mp4')}`);
  });

  it('passes over an outdated system ffmpeg (4.4) for the bundled build', async () => {
    const old = fakeFfmpeg(path.join(binDir(), 'old', 'ffmpeg'), { version: '4.4' });
    choose({ PATH: `${path.dirname(old)}${path.delimiter}${savedPath}` });
    makeClip('old-system.mp4', { width: 320, height: 240, seconds: 1 });
    expect(await posterOf('old-system.mp4')).not.toBeNull();
    expect(lastBinary()).toBe(ffmpegPath);
    expect(recordedArgs(old)).toBeUndefined();
  });

  it('uses FFMPEG_PATH whatever is on PATH', async () => {
    const system = fakeFfmpeg(path.join(binDir(), 'current', 'ffmpeg'), { version: '6.1' });
    const configured = fakeFfmpeg(path.join(binDir(), 'configured', 'my-ffmpeg'), { version: '5.0' });
    fs.rmSync(`${system}.args`, { force: true });
    choose({ PATH: `${path.dirname(system)}${path.delimiter}${savedPath}`, FFMPEG_PATH: configured });
    makeClip('configured.mp4', { width: 320, height: 240, seconds: 1 });
    expect(await posterOf('configured.mp4')).not.toBeNull();
    expect(lastBinary()).toBe(configured);
    // 5.0 predates -fps_mode (5.1): the configured binary's own version picks the flag.
    expect(recordedArgs(configured)).toContain('-vsync');
    expect(recordedArgs(system)).toBeUndefined();
  });

  it('kills an ffmpeg that hangs once its 10 s are up, and what it started: no poster, no .part file left', async () => {
    vi.spyOn(log(), 'warn').mockImplementation(() => undefined);
    const hanging = fakeFfmpeg(path.join(binDir(), 'hanging', 'ffmpeg'), { version: '6.1', hang: true });
    choose({ FFMPEG_PATH: hanging });
    makeClip('hangs.mp4', { width: 320, height: 240, seconds: 1 });
    const started = Date.now();
    expect(await posterOf('hangs.mp4')).toBeNull();
    const elapsed = Date.now() - started;
    expect(lastBinary()).toBe(hanging);
    // It had begun writing: the half-made file is gone too.
    expect(recordedArgs(hanging)?.at(-2)).toMatch(/\.part$/);
    expect(elapsed).toBeGreaterThanOrEqual(9_500);
    expect(elapsed).toBeLessThan(15_000);
    const child = Number(fs.readFileSync(`${hanging}.child`, 'utf8'));
    // Gone, or a zombie waiting to be reaped: either way it no longer runs.
    const state = fs.existsSync(`/proc/${child}/stat`) ? /\) (\w)/.exec(fs.readFileSync(`/proc/${child}/stat`, 'utf8'))?.[1] : 'gone';
    expect(['gone', 'Z', 'X']).toContain(state);
    expect(fs.readdirSync(postersDir()).filter((name) => name.startsWith('hangs.mp4'))).toEqual([]);
  }, 30_000);
});
