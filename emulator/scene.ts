import { createHash } from 'node:crypto';
import type { ImageFormat } from './image-format';

/** Frames are deliberately tiny so a clip encodes in well under a second; resolution only labels the clip. */
export const FRAME_SIZES = {
  '16:9': { width: 320, height: 180 },
  '9:16': { width: 180, height: 320 },
  '1:1': { width: 240, height: 240 },
} as const;

export const FRAME_RATE = 24;
/** Bump when the scene changes so cached files from older renders are not reused. */
export const RENDER_VERSION = 2;

export type FrameAspect = keyof typeof FRAME_SIZES;

/** The image-to-video source: the frames start from it, and its digest (not its path) keys the render. */
export interface SourceImageRef {
  path: string;
  format: ImageFormat;
  sha256: string;
}

export interface RenderParams {
  prompt: string;
  negativePrompt: string;
  seed: number;
  aspectRatio: FrameAspect;
  duration: 5 | 10;
  resolution: '720p' | '1080p';
  sourceImage?: SourceImageRef;
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
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * Image-to-video follows the image: the nearest frame aspect on a log scale. 4:3 and 3:4 sit exactly between
 * square and 16:9 / 9:16 and go to the wide / tall frame.
 */
export function frameAspectFor(width: number, height: number): FrameAspect {
  const ratio = width / height;
  if (ratio >= 4 / 3) return '16:9';
  if (ratio <= 3 / 4) return '9:16';
  return '1:1';
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
