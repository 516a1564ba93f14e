import type { ImageFormat } from './image-format';

/** The two models APIXO sells Wan 2.5 as, on the same key and the same envelopes (contract § The second model). */
export const MODEL_IDS = ['wan-2-5', 'wan-2-5-video'] as const;
export type ModelId = (typeof MODEL_IDS)[number];
export const DEFAULT_MODEL: ModelId = 'wan-2-5';

export const RESOLUTIONS = ['480p', '720p', '1080p'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export const ASPECT_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export interface ImageRules {
  formats: readonly ImageFormat[];
  maxBytes: number;
  /** Pixel bounds per side; absent when the model documents none. */
  sides?: { min: number; max: number };
  alphaAllowed: boolean;
}

export interface AudioRules {
  formats: readonly ('wav' | 'mp3')[];
  maxBytes: number;
  seconds: { min: number; max: number };
}

export interface ModelSpec {
  id: ModelId;
  maxPromptLength: number;
  /** The second model takes image-to-video without a prompt. */
  promptRequiredForImageToVideo: boolean;
  resolutions: readonly Resolution[];
  /** Text-to-video frames at each resolution. */
  aspectRatiosAt: Readonly<Record<Resolution, readonly AspectRatio[]>>;
  images: ImageRules;
  /** Absent: the model has no sound, and `audio_urls` is an unknown field (ignored). */
  audio?: AudioRules;
  /** Generation time of a 5 s clip, in seconds; a 10 s clip takes 1.5× as long. */
  generationSeconds: Readonly<Partial<Record<Resolution, { min: number; max: number }>>>;
}

const MB = 1024 * 1024;
const BASIC_FRAMES = ['16:9', '9:16', '1:1'] as const;
const ALL_FRAMES = ['16:9', '9:16', '1:1', '4:3', '3:4'] as const;

export const MODELS: Readonly<Record<ModelId, ModelSpec>> = {
  'wan-2-5': {
    id: 'wan-2-5',
    maxPromptLength: 800,
    promptRequiredForImageToVideo: true,
    resolutions: ['720p', '1080p'],
    aspectRatiosAt: { '480p': [], '720p': BASIC_FRAMES, '1080p': BASIC_FRAMES },
    images: { formats: ['jpeg', 'png', 'webp'], maxBytes: 10 * MB, alphaAllowed: true },
    generationSeconds: { '720p': { min: 50, max: 70 }, '1080p': { min: 70, max: 90 } },
  },
  'wan-2-5-video': {
    id: 'wan-2-5-video',
    maxPromptLength: 1500,
    promptRequiredForImageToVideo: false,
    resolutions: ['480p', '720p', '1080p'],
    aspectRatiosAt: { '480p': BASIC_FRAMES, '720p': ALL_FRAMES, '1080p': ALL_FRAMES },
    images: { formats: ['jpeg', 'png', 'bmp', 'webp'], maxBytes: 20 * MB, sides: { min: 240, max: 8000 }, alphaAllowed: false },
    audio: { formats: ['wav', 'mp3'], maxBytes: 15 * MB, seconds: { min: 3, max: 30 } },
    // 720p and 1080p as documented for the first model; 480p is inferred (not documented): a little faster.
    generationSeconds: { '480p': { min: 35, max: 50 }, '720p': { min: 50, max: 70 }, '1080p': { min: 70, max: 90 } },
  },
};

export function isModelId(value: string): value is ModelId {
  return (MODEL_IDS as readonly string[]).includes(value);
}

/** "a, b or c", as the error texts list allowed values. */
export function listOf(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
}
