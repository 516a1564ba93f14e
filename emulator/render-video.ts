import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CELL_SIZE, FRAME_RATE, FRAME_SIZES, headerCaption, paletteFor, promptCaption, type RenderParams } from './scene';

const RENDER_TIMEOUT_MS = 60_000;
const require = createRequire(import.meta.url);

export function ffmpegBinaryPath(): string {
  const installer = z.object({ path: z.string().min(1) }).parse(require('@ffmpeg-installer/ffmpeg'));
  return installer.path;
}

export function fontFilePath(): string {
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
}

export interface RenderJob {
  params: RenderParams;
  outputPath: string;
  /** A private scratch directory for the caption files. */
  workDir: string;
}

export async function renderVideo({ params, outputPath, workDir }: RenderJob): Promise<void> {
  const { width } = FRAME_SIZES[params.aspectRatio];
  const headerFile = join(workDir, 'header.txt');
  const promptFile = join(workDir, 'prompt.txt');
  await writeFile(headerFile, headerCaption(params));
  await writeFile(promptFile, promptCaption(params.prompt, width));
  await runFfmpeg(ffmpegArgs({ params, outputPath, headerFile, promptFile, fontFile: fontFilePath() }));
}

interface FfmpegArgsInput {
  params: RenderParams;
  outputPath: string;
  headerFile: string;
  promptFile: string;
  fontFile: string;
}

export function ffmpegArgs({ params, outputPath, headerFile, promptFile, fontFile }: FfmpegArgsInput): string[] {
  const { width, height } = FRAME_SIZES[params.aspectRatio];
  const palette = paletteFor(params.prompt, params.negativePrompt);
  const life = [
    `life=s=${width / CELL_SIZE}x${height / CELL_SIZE}`,
    `r=${FRAME_RATE}`,
    `seed=${params.seed}`,
    `ratio=${palette.density.toFixed(3)}`,
    'mold=20',
    `life_color=${palette.alive}`,
    `death_color=${palette.background}`,
    `mold_color=${palette.mold}`,
  ].join(':');
  const text = (file: string, y: string) =>
    [
      `drawtext=fontfile=${escapeFilterValue(fontFile)}`,
      `textfile=${escapeFilterValue(file)}`,
      'expansion=none',
      'fontsize=12',
      'line_spacing=2',
      'fontcolor=white',
      'box=1',
      'boxcolor=black@0.55',
      'boxborderw=3',
      'x=6',
      `y=${y}`,
    ].join(':');
  const filters = [`scale=${width}:${height}:flags=neighbor`, text(headerFile, '6'), text(promptFile, 'h-th-6'), 'format=yuv420p'];
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'lavfi', '-i', life],
    ...['-vf', filters.join(','), '-t', String(params.duration), '-r', String(FRAME_RATE)],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-threads', '1'],
    ...['-movflags', '+faststart', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1'],
    ...['-f', 'mp4', '-y', outputPath],
  ];
}

/** Filter option values pass through two parsers (option, then filtergraph), so escape for both. */
function escapeFilterValue(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, '\\$&');
  return optionLevel.replace(/[\\'[\],;]/g, '\\$&');
}

function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegBinaryPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), RENDER_TIMEOUT_MS);
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
