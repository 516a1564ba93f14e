import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { z } from 'zod';

const FFMPEG_TIMEOUT_MS = 60_000;
const require = createRequire(import.meta.url);

export function ffmpegBinaryPath(): string {
  const installer = z.object({ path: z.string().min(1) }).parse(require('@ffmpeg-installer/ffmpeg'));
  return installer.path;
}

/** Runs ffmpeg to completion; resolves with how many bytes it wrote to stdout (a decode's length), rejects with its stderr. */
export function runFfmpeg(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegBinaryPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), FFMPEG_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdoutBytes);
      else reject(new Error(`ffmpeg exited with ${signal ?? code}: ${stderr.trim()}`));
    });
  });
}
