// Real image files for tests, encoded by the same ffmpeg binary the emulator uses (offline).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const ffmpegPath = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

/** A solid-colour image of the given size and format, as bytes. */
export function makeImage({ format, width, height, color }: { format: 'png' | 'jpg' | 'webp' | 'gif'; width: number; height: number; color: string }): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-image-'));
  const file = path.join(dir, `image.${format}`);
  try {
    execFileSync(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `color=c=${color}:s=${width}x${height}`, '-frames:v', '1', '-y', file]);
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A PNG of random noise: incompressible, so its size is about width × height × 3 bytes. */
export function makeNoisePng(width: number, height: number): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-image-'));
  const file = path.join(dir, 'noise.png');
  try {
    execFileSync(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `nullsrc=s=${width}x${height},geq=r='random(1)*255':g='random(2)*255':b='random(3)*255'`, '-frames:v', '1', '-y', file]);
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
