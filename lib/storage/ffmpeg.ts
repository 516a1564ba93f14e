import 'server-only';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { log } from '@/lib/ops/log';

// The one way the studio runs ffmpeg (posters, tagged copies): the chosen binary, under resource limits,
// with an empty environment, in its own process group, killed after its time.

export type FfmpegVersion = { major: number; minor: number };

/** `-fps_mode` replaced the deprecated `-vsync` in 5.1 (the bundled build is 4.1). */
export function fpsModeFlag(version: FfmpegVersion | undefined): '-fps_mode' | '-vsync' {
  return version && (version.major > 5 || (version.major === 5 && version.minor >= 1)) ? '-fps_mode' : '-vsync';
}

/** Container tags as arguments: one `-metadata key=value` each (no shell; ffmpeg splits at the first `=`). */
export function metadataArgs(metadata: Record<string, string>): string[] {
  return Object.entries(metadata).flatMap(([name, value]) => ['-metadata', `${name}=${value}`]);
}

const FFMPEG_TIMEOUT_MS = 10_000;
const PRLIMIT = '/usr/bin/prlimit';
// Ample for one frame of a 1080p clip (or a stream copy of it), small enough that a decoder bug cannot take
// the machine: 1 GiB of address space, 15 s of CPU, a 32 MiB output file unless said, no core dump, few open files.
const limits = (maxFileBytes: number) => ['--as=1073741824', '--cpu=15', `--fsize=${maxFileBytes}`, '--core=0', '--nofile=64'];
export type FfmpegLimits = { timeoutMs?: number; maxFileBytes?: number };
const hasPrlimit = fs.existsSync(PRLIMIT);
// ffmpeg needs no environment; none of ours (keys, secrets) is passed on.
const childEnv = (): NodeJS.ProcessEnv => ({ NODE_ENV: process.env.NODE_ENV });

/** ffmpeg under resource limits (when prlimit exists), with an empty environment (no secrets), killed after 10 s. */
export function runFfmpeg(binary: string, args: string[], { timeoutMs = FFMPEG_TIMEOUT_MS, maxFileBytes = 32 * 1024 * 1024 }: FfmpegLimits = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const [command, argv] = hasPrlimit ? [PRLIMIT, [...limits(maxFileBytes), '--', binary, ...args]] : [binary, args];
    // Its own process group: the kill also reaches whatever a wrapper script (FFMPEG_PATH) started, which
    // would otherwise hold stderr open, and this promise with it, long past the limit.
    const child = spawn(command, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: childEnv(), detached: true });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-500);
    });
    const timer = setTimeout(() => killGroup(child.pid), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with ${signal ?? code}: ${stderr.trim()}`));
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export async function readHead(file: string, bytes: number): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

type Ffmpeg = { path: string; version: FfmpegVersion | undefined };
let chosen: Promise<Ffmpeg> | undefined;

/** FFMPEG_PATH when set, else a current (≥ 5) ffmpeg on PATH, else the bundled 4.1 build; logged once. */
export function chosenFfmpeg(): Promise<Ffmpeg> {
  chosen ??= pickFfmpeg().then((ffmpeg) => {
    const version = ffmpeg.version ? `${ffmpeg.version.major}.${ffmpeg.version.minor}` : '(version unknown)';
    log().info({ event: 'ffmpeg', ffmpeg: version, path: ffmpeg.path, prlimit: hasPrlimit }, 'posters and tagged copies are made by ffmpeg');
    return ffmpeg;
  });
  return chosen;
}

/** Tests change PATH and FFMPEG_PATH; this makes the next poster choose its ffmpeg again. */
export function resetFfmpegForTests(): void {
  chosen = undefined;
}

async function pickFfmpeg(): Promise<Ffmpeg> {
  const configured = getEnv().ffmpegPath;
  if (configured) return { path: configured, version: await versionOf(configured) };
  const onPath = await findOnPath('ffmpeg');
  const system = onPath ? await versionOf(onPath) : undefined;
  if (onPath && system && system.major >= 5) return { path: onPath, version: system };
  const bundled = z.object({ path: z.string().min(1) }).parse(createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg')).path;
  // The bundled build is a 2018 snapshot of 4.1: its banner names a git date, not a release.
  return { path: bundled, version: (await versionOf(bundled)) ?? { major: 4, minor: 1 } };
}

async function findOnPath(name: string): Promise<string | undefined> {
  for (const dir of getEnv().searchPath) {
    const candidate = path.join(dir, name);
    if (await fs.promises.access(candidate, fs.constants.X_OK).then(() => true, () => false)) return candidate;
  }
  return undefined;
}

function versionOf(binary: string): Promise<FfmpegVersion | undefined> {
  return new Promise((resolve) => {
    execFile(binary, ['-hide_banner', '-version'], { timeout: 5_000, env: childEnv() }, (error, stdout) => {
      const match = /^ffmpeg version n?(\d+)\.(\d+)/m.exec(error ? '' : stdout);
      resolve(match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined);
    });
  });
}

