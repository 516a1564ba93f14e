import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { readTrackDurations } from './mp4-durations';
import { ffmpegBinaryPath } from './render-video';

/** ffmpeg with only an input prints the container summary on stderr and exits 1 (there is no ffprobe). */
export async function describeVideo(path: string): Promise<string> {
  const result = await promisify(execFile)(ffmpegBinaryPath(), ['-hide_banner', '-i', path]).catch(
    (error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }),
  );
  return result.stderr;
}

export interface AudioStreamInfo {
  /** As ffmpeg names it, e.g. `aac (LC)`. */
  codec: string;
  sampleRate: number;
  /** `mono`, `stereo`, … */
  layout: string;
  /** The track's duration in the MP4 (what a player or ffprobe reports for the stream), in seconds. */
  seconds: number;
}

export interface StreamSummary {
  /** The container's duration, in seconds. */
  seconds: number;
  video: { seconds: number } | undefined;
  audio: AudioStreamInfo[];
}

/** The streams of an MP4: its duration, the video track's, and each audio stream's codec, rate, layout and duration. */
export async function describeStreams(path: string): Promise<StreamSummary> {
  const [summary, file] = await Promise.all([describeVideo(path), readFile(path)]);
  const tracks = readTrackDurations(file);
  const duration = /Duration: (\d+):(\d+):(\d+\.\d+)/.exec(summary);
  const [hours = 0, minutes = 0, seconds = 0] = (duration?.slice(1) ?? []).map(Number);
  const audioTracks = tracks.filter((track) => track.handler === 'soun');
  const audio = [...summary.matchAll(/Stream #\d+:\d+.*?: Audio: (.+?)(?: \(\w+ \/ 0x[0-9a-f]+\))?, (\d+) Hz, ([^,]+),/gi)].map((match, index) => ({
    codec: match[1] ?? '',
    sampleRate: Number(match[2]),
    layout: match[3] ?? '',
    seconds: audioTracks[index]?.seconds ?? Number.NaN,
  }));
  const video = tracks.find((track) => track.handler === 'vide');
  return { seconds: hours * 3600 + minutes * 60 + seconds, video: video && { seconds: video.seconds }, audio };
}

/** The first audio stream decoded to mono 16-bit PCM at `sampleRate` (every sample a player would play). */
export async function decodeAudio(path: string, sampleRate = 8000): Promise<Int16Array> {
  const args = ['-hide_banner', '-loglevel', 'error', '-i', path, '-map', '0:a:0', '-ac', '1', '-ar', String(sampleRate), '-f', 's16le', '-'];
  const { stdout } = await promisify(execFile)(ffmpegBinaryPath(), args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  return Int16Array.from({ length: Math.floor(stdout.length / 2) }, (_, index) => stdout.readInt16LE(index * 2));
}

/** The largest absolute sample, in [0, 1] of full scale. */
export function peakLevel(samples: Int16Array): number {
  let peak = 0;
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
  return peak / 32768;
}

/** Root-mean-square level of samples in [0, 1] of full scale. */
export function rmsLevel(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += (sample / 32768) ** 2;
  return Math.sqrt(sum / samples.length);
}

/** Sign changes per second: a few hundred for calm low notes, thousands for noise. */
export function zeroCrossingsPerSecond(samples: Int16Array, sampleRate: number): number {
  let crossings = 0;
  for (let index = 1; index < samples.length; index += 1) {
    if ((samples[index - 1] ?? 0) < 0 !== (samples[index] ?? 0) < 0) crossings += 1;
  }
  return crossings / (samples.length / sampleRate);
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

/** A file's container tags (title, comment, …) as ffmpeg reads them (its ffmetadata dump, unescaped). */
export async function readContainerTags(path: string): Promise<Record<string, string>> {
  const { stdout } = await promisify(execFile)(ffmpegBinaryPath(), ['-hide_banner', '-loglevel', 'error', '-i', path, '-f', 'ffmetadata', '-'], { maxBuffer: 16 * 1024 * 1024 });
  const tags: Record<string, string> = {};
  // One `key=value` a line; `=`, `;`, `#`, `\` and newlines inside are escaped with a backslash.
  const text = stdout.replace(/\\\n/g, '\uE000');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(';') || line.startsWith('[')) continue;
    const at = line.search(/(?<!\\)=/);
    if (at < 0) continue;
    const unescape = (value: string) => value.replace(/\uE000/g, '\n').replace(/\\([=;#\\])/g, '$1');
    tags[unescape(line.slice(0, at))] = unescape(line.slice(at + 1));
  }
  return tags;
}

/** Every packet of every stream (timestamps, size, md5), as ffmpeg's framemd5 lists them: equal lists, equal streams. */
export async function packetDigests(path: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(ffmpegBinaryPath(), ['-hide_banner', '-loglevel', 'error', '-i', path, '-map', '0', '-c', 'copy', '-f', 'framemd5', '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\n').filter((line) => line && !line.startsWith('#'));
}
