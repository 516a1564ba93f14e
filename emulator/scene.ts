import { createHash } from 'node:crypto';
import type { AudioFormat } from './audio-format';
import type { ImageFormat } from './image-format';
import type { AspectRatio, Resolution } from './models';

/** Frames are deliberately tiny so a clip encodes in well under a second; resolution only labels the clip. */
export const FRAME_SIZES = {
  '16:9': { width: 320, height: 180 },
  '9:16': { width: 180, height: 320 },
  '1:1': { width: 240, height: 240 },
  '4:3': { width: 280, height: 210 },
  '3:4': { width: 210, height: 280 },
} as const satisfies Record<AspectRatio, { width: number; height: number }>;

export const FRAME_RATE = 24;
/** Bump when the scene changes so cached files from older renders are not reused. */
export const RENDER_VERSION = 2;

export type FrameAspect = AspectRatio;

/** The image-to-video source: the frames start from it, and its digest (not its path) keys the render. */
export interface SourceImageRef {
  path: string;
  format: ImageFormat;
  sha256: string;
}

/** The clip's sound: a tone pattern from seed and prompt, or the task's track (its digest keys the render). */
export type SoundSource = { kind: 'tone' } | { kind: 'track'; path: string; format: AudioFormat; sha256: string };

export interface RenderParams {
  prompt: string;
  negativePrompt: string;
  seed: number;
  aspectRatio: FrameAspect;
  duration: 5 | 10;
  resolution: Resolution;
  sourceImage?: SourceImageRef;
  /** Absent: a silent clip (the first model), with no audio stream at all. */
  sound?: SoundSource;
}

/** Slow zoom-in towards a focus point, both from the seed; zoom is exactly 1 on the first frame. */
export interface Motion {
  /** Zoom reached on the last frame. */
  endZoom: number;
  /** Where the zoom heads, as a fraction of the frame (0.5 = centre). */
  focusX: number;
  focusY: number;
}

export function renderKey(params: RenderParams): string {
  const canonical = [
    RENDER_VERSION,
    params.prompt,
    params.negativePrompt,
    params.seed,
    params.aspectRatio,
    params.duration,
    params.resolution,
    // Appended only for image-to-video, so text-to-video keys (and cached files) are unchanged.
    ...(params.sourceImage ? [params.sourceImage.sha256] : []),
    // Likewise only for clips with sound, so silent clips keep their keys.
    ...(params.sound ? ['sound', params.sound.kind === 'tone' ? 'tone' : params.sound.sha256] : []),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

const RATIOS: Record<FrameAspect, readonly [number, number]> = { '16:9': [16, 9], '9:16': [9, 16], '1:1': [1, 1], '4:3': [4, 3], '3:4': [3, 4] };

/**
 * Image-to-video follows the image: the nearest of the model's frames on a log scale, compared in integers so a
 * tie is exact. A tie goes away from square: with three frames 4:3 and 3:4 sit exactly between square and
 * 16:9 / 9:16 and go to the wide / tall frame.
 */
export function frameAspectFor(width: number, height: number, frames: readonly FrameAspect[] = ['16:9', '9:16', '1:1']): FrameAspect {
  const byRatio = [...frames].sort((a, b) => RATIOS[a][0] * RATIOS[b][1] - RATIOS[b][0] * RATIOS[a][1]);
  let chosen = byRatio[0] ?? '1:1';
  for (const next of byRatio.slice(1)) {
    const [p1, q1] = RATIOS[chosen];
    const [p2, q2] = RATIOS[next];
    // The boundary is the geometric mean of the two ratios: compare (w/h)² with (p1·p2)/(q1·q2).
    const [image, boundary] = [width * width * q1 * q2, height * height * p1 * p2];
    const wideSide = p1 * p2 >= q1 * q2;
    if (image > boundary || (image === boundary && wideSide)) chosen = next;
    else break;
  }
  return chosen;
}

export function motionFor(seed: number): Motion {
  const digest = createHash('sha256').update(`motion\u0000${seed}`).digest();
  const fraction = (index: number) => (digest[index] ?? 0) / 255;
  return { endZoom: 1.1 + fraction(0) * 0.15, focusX: 0.2 + fraction(1) * 0.6, focusY: 0.2 + fraction(2) * 0.6 };
}

export function headerCaption(params: RenderParams): string {
  return `seed ${params.seed}\n${params.resolution} · ${params.duration}s`;
}

/** The first few prompt words, wrapped into at most two lines that fit the frame width. */
export function promptCaption(prompt: string, frameWidth: number): string {
  const maxChars = Math.floor((frameWidth - 12) / 7);
  const allWords = prompt.split(/\s+/).filter((word) => word !== '');
  const words = allWords.slice(0, 12).map((w) => (w.length > maxChars ? `${w.slice(0, maxChars - 1)}…` : w));
  const lines: string[] = [];
  let truncated = allWords.length > words.length;
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else if (lines.length < 2) lines.push(word);
    else {
      truncated = true;
      break;
    }
  }
  const caption = lines.join('\n');
  if (caption === '') return '…';
  return truncated ? `${caption}…` : caption;
}
