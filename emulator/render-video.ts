import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runFfmpeg } from './ffmpeg';
import { alignDurationsToEdits } from './mp4-durations';
import { soundInputArgs, soundOutputArgs } from './render-audio';
import {
  FRAME_RATE,
  FRAME_SIZES,
  headerCaption,
  motionFor,
  promptCaption,
  type RenderParams,
  type SourceImageRef,
} from './scene';
import { sceneGraph } from './scene-graph';

export { ffmpegBinaryPath } from './ffmpeg';

const require = createRequire(import.meta.url);

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
  const soundInput = params.sound ? await soundInputArgs(params.sound, params, workDir) : [];
  const input = { params, outputPath, headerFile, promptFile, fontFile: fontFilePath(), soundInput };
  const { sourceImage } = params;
  await runFfmpeg(sourceImage ? imageToVideoArgs({ ...input, sourceImage }) : ffmpegArgs(input));
  if (params.sound) await alignDurationsToEdits(outputPath);
}

interface FfmpegArgsInput {
  params: RenderParams;
  outputPath: string;
  headerFile: string;
  promptFile: string;
  fontFile: string;
  /** The sound's ffmpeg input (`-f … -i …`), empty for a silent clip. */
  soundInput?: string[];
}

export function ffmpegArgs({ params, outputPath, headerFile, promptFile, fontFile, soundInput = [] }: FfmpegArgsInput): string[] {
  const { width, height } = FRAME_SIZES[params.aspectRatio];
  const scene = sceneGraph({ width, height, frameRate: FRAME_RATE, ...params });
  const text = (file: string, y: string) => drawtext({ fontFile, file, y });
  const graph = `${scene};[scene]${text(headerFile, '6')},${text(promptFile, 'h-th-6')}[out]`;
  // A frame count would end the file as the last frame is written, before the audio has caught up; a time does not.
  const length = soundInput.length > 0 ? ['-t', String(params.duration), ...soundOutputArgs(0, params.duration)] : ['-frames:v', String(params.duration * FRAME_RATE)];
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-filter_threads', '1', ...soundInput, '-filter_complex', graph, '-map', '[out]'],
    ...length,
    ...['-r', String(FRAME_RATE)],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-threads', '1'],
    ...['-movflags', '+faststart', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1'],
    ...['-f', 'mp4', '-y', outputPath],
  ];
}

/** Source pixels are supersampled this much before zoompan, whose crop window moves in whole pixels. */
const ZOOM_SUPERSAMPLE = 4;
/** Captions stay off the first frame (which must look like the image) and fade in over this window, in s. */
const CAPTION_FADE_IN = { start: 0.5, end: 1 };

/**
 * The image scaled to cover the frame (centre-cropped, no bars), held still on frame 0, then a slow eased
 * zoom-in towards a seeded point, captions fading in. BT.709, tagged, so browsers decode the colours right.
 */
export function imageToVideoArgs(input: FfmpegArgsInput & { sourceImage: SourceImageRef }): string[] {
  const { params, outputPath, headerFile, promptFile, fontFile, sourceImage, soundInput = [] } = input;
  const { width, height } = FRAME_SIZES[params.aspectRatio];
  const frames = params.duration * FRAME_RATE;
  const motion = motionFor(params.seed);
  const [bigWidth, bigHeight] = [width * ZOOM_SUPERSAMPLE, height * ZOOM_SUPERSAMPLE];
  const zoom = `1+${(motion.endZoom - 1).toFixed(4)}*(1-cos(PI*on/${frames - 1}))/2`;
  const { start, end } = CAPTION_FADE_IN;
  const alpha = `'clip((t-${start})/${end - start},0,1)'`;
  const filters = [
    'trim=end_frame=1',
    // Converting to YUV once, before zoompan, makes the render about three times faster than staying in RGB.
    `scale=${bigWidth}:${bigHeight}:force_original_aspect_ratio=increase:flags=bicubic:out_color_matrix=bt709:out_range=tv`,
    'format=yuv420p',
    `crop=${bigWidth}:${bigHeight}`,
    [
      `zoompan=z='${zoom}'`,
      `x='(iw-iw/zoom)*${motion.focusX.toFixed(4)}'`,
      `y='(ih-ih/zoom)*${motion.focusY.toFixed(4)}'`,
      `d=${frames}`,
      `s=${width}x${height}`,
      `fps=${FRAME_RATE}`,
    ].join(':'),
    'setsar=1',
    drawtext({ fontFile, file: headerFile, y: '6', alpha }),
    drawtext({ fontFile, file: promptFile, y: 'h-th-6', alpha }),
  ];
  const imageInput = ['-f', `${sourceImage.format}_pipe`, '-i', `file:${sourceImage.path}`];
  const sound = soundInput.length > 0 ? ['-map', '0:v:0', ...soundOutputArgs(1, params.duration)] : [];
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', ...imageInput, ...soundInput, ...sound],
    ...['-vf', filters.join(','), '-t', String(params.duration), '-r', String(FRAME_RATE)],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-threads', '1'],
    ...['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'],
    ...['-movflags', '+faststart', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1'],
    ...['-f', 'mp4', '-y', outputPath],
  ];
}

function drawtext({ fontFile, file, y, alpha }: { fontFile: string; file: string; y: string; alpha?: string }): string {
  return [
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
    ...(alpha === undefined ? [] : [`alpha=${alpha}`]),
  ].join(':');
}

/** Filter option values pass through two parsers (option, then filtergraph), so escape for both. */
function escapeFilterValue(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, '\\$&');
  return optionLevel.replace(/[\\'[\],;]/g, '\\$&');
}
