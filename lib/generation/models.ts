// The models a clip can be made with: one row of limits each, plain values without zod, so the studio form,
// the cost line and the recipe snippets read the same table the request schema validates against
// (../shared/wan-api.md, "The second model"). Both are APIXO's Wan 2.5, on the same key and envelopes.

export const modelIds = ['wan-2-5', 'wan-2-5-video'] as const;
export type ModelId = (typeof modelIds)[number];
/** What a clip, a stored row or a recipe file means when it names no model. */
export const DEFAULT_MODEL: ModelId = 'wan-2-5';

/** Every resolution and frame some model takes; a model's row says which of them it offers. */
export const allResolutions = ['480p', '720p', '1080p'] as const;
export type Resolution = (typeof allResolutions)[number];
export const allAspectRatios = ['16:9', '9:16', '1:1', '4:3', '3:4'] as const;
export type AspectRatio = (typeof allAspectRatios)[number];

export type ModelLimits = {
  id: ModelId;
  /** How the studio names it to people. */
  label: string;
  /** One line on what it is for, shown beside the choice. */
  summary: string;
  promptMax: number;
  /** Image-to-video may go without a prompt: the clip then follows its start image alone. */
  promptOptionalFromImage: boolean;
  resolutions: readonly Resolution[];
  /** Text-to-video frames at each of its resolutions (image-to-video follows the image). */
  aspectRatiosAt: Readonly<Partial<Record<Resolution, readonly AspectRatio[]>>>;
  durations: readonly (5 | 10)[];
  /** Makes sound with the picture: its own, or from one audio track (`audio_urls`) when given. */
  audio: boolean;
  /** The path segment of its endpoints: POST /generateTask/<path>, GET /statusTask/<path>. */
  path: string;
};

const BASIC_FRAMES = ['16:9', '9:16', '1:1'] as const;
const ALL_FRAMES = ['16:9', '9:16', '1:1', '4:3', '3:4'] as const;

export const models: Readonly<Record<ModelId, ModelLimits>> = {
  'wan-2-5': {
    id: 'wan-2-5',
    label: 'Wan 2.5',
    summary: '720p or 1080p, prompts up to 800 characters',
    promptMax: 800,
    promptOptionalFromImage: false,
    resolutions: ['720p', '1080p'],
    aspectRatiosAt: { '720p': BASIC_FRAMES, '1080p': BASIC_FRAMES },
    durations: [5, 10],
    audio: false,
    path: 'wan-2-5',
  },
  'wan-2-5-video': {
    id: 'wan-2-5-video',
    label: 'Wan 2.5 Video',
    summary: 'With sound; 480p drafts, 4:3 and 3:4 frames, prompts up to 1,500 characters',
    promptMax: 1500,
    promptOptionalFromImage: true,
    resolutions: ['480p', '720p', '1080p'],
    aspectRatiosAt: { '480p': BASIC_FRAMES, '720p': ALL_FRAMES, '1080p': ALL_FRAMES },
    durations: [5, 10],
    audio: true,
    path: 'wan-2-5-video',
  },
};

/** The longest prompt any model takes: the schema's first bound, before the model's own. */
export const LONGEST_PROMPT = Math.max(...modelIds.map((id) => models[id].promptMax));

export function isModelId(value: unknown): value is ModelId {
  return typeof value === 'string' && (modelIds as readonly string[]).includes(value);
}

/** A model's row; anything that is not a model id (an old row, an old file) means the default model. */
export function modelOf(id: unknown): ModelLimits {
  return models[isModelId(id) ? id : DEFAULT_MODEL];
}

/** Whether a request on this model and mode must have a prompt (text-to-video always does). */
export function promptRequired(model: ModelId, mode: string): boolean {
  return mode === 'text-to-video' || !models[model].promptOptionalFromImage;
}

/** Whether a clip of this model has sound (every clip of a model with audio does: its own, or the given track). */
export function hasSound(model: unknown): boolean {
  return modelOf(model).audio;
}

/** The frames a model offers at a resolution (none where it does not offer the resolution). */
export function aspectRatiosFor(model: ModelId, resolution: Resolution): readonly AspectRatio[] {
  return models[model].aspectRatiosAt[resolution] ?? [];
}

/** "a, b or c", as messages list allowed values. */
export function listOf(values: readonly (string | number)[]): string {
  const words = values.map(String);
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

/** Which resolutions offer a frame on a model, for "4:3 is only at 720p or 1080p". */
export function resolutionsWith(model: ModelId, aspectRatio: AspectRatio): Resolution[] {
  return models[model].resolutions.filter((resolution) => aspectRatiosFor(model, resolution).includes(aspectRatio));
}

/** Which models offer a resolution, for "480p is only on Wan 2.5 Video". */
export function modelsWith(resolution: Resolution): ModelLimits[] {
  return modelIds.map((id) => models[id]).filter((model) => model.resolutions.includes(resolution));
}
