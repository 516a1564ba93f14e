import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffmpegBinaryPath } from './render-video';

/** ffmpeg with only an input prints the container summary on stderr and exits 1 (there is no ffprobe). */
export async function describeVideo(path: string): Promise<string> {
  const result = await promisify(execFile)(ffmpegBinaryPath(), ['-hide_banner', '-i', path]).catch(
    (error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }),
  );
  return result.stderr;
}

export interface RgbFrame {
  width: number;
  height: number;
  /** rgb24, row by row. */
  pixels: Buffer;
}

/** One decoded frame as raw RGB; frame 0 is exactly `ffmpeg -i file.mp4 -frames:v 1 -f rawvideo -pix_fmt rgb24 -`. */
export async function frameRgb(path: string, width: number, height: number, index = 0): Promise<RgbFrame> {
  const select = index === 0 ? [] : ['-vf', `select=eq(n\\,${index})`, '-vsync', '0'];
  const args = ['-hide_banner', '-loglevel', 'error', '-i', path, ...select, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'];
  const { stdout } = await promisify(execFile)(ffmpegBinaryPath(), args, { encoding: 'buffer' });
  if (stdout.length !== width * height * 3) throw new Error(`expected a ${width}×${height} frame, got ${stdout.length} bytes`);
  return { width, height, pixels: stdout };
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function averageRgb(frame: RgbFrame, region: Region = { x: 0, y: 0, width: frame.width, height: frame.height }): number[] {
  const sums = [0, 0, 0];
  for (let y = region.y; y < region.y + region.height; y += 1) {
    for (let x = region.x; x < region.x + region.width; x += 1) {
      const offset = (y * frame.width + x) * 3;
      for (let channel = 0; channel < 3; channel += 1) sums[channel] = (sums[channel] ?? 0) + (frame.pixels[offset + channel] ?? 0);
    }
  }
  return sums.map((sum) => sum / (region.width * region.height));
}

/** Pixels that are near white in every channel: caption text on a coloured picture. */
export function countWhitePixels(frame: RgbFrame, region: Region): number {
  let count = 0;
  for (let y = region.y; y < region.y + region.height; y += 1) {
    for (let x = region.x; x < region.x + region.width; x += 1) {
      const offset = (y * frame.width + x) * 3;
      if ([0, 1, 2].every((channel) => (frame.pixels[offset + channel] ?? 0) > 200)) count += 1;
    }
  }
  return count;
}

/** Mean absolute per-channel difference between two frames of the same size. */
export function meanDifference(a: RgbFrame, b: RgbFrame): number {
  let total = 0;
  for (let index = 0; index < a.pixels.length; index += 1) total += Math.abs((a.pixels[index] ?? 0) - (b.pixels[index] ?? 0));
  return total / a.pixels.length;
}
