import { modelProblems } from '@/lib/generation/model-fit';
import { z } from 'zod';
import '@/lib/zod-jitless';
import type { PresetKind } from '@/db/schema';
import { controlCharactersIn, generationRequestSchema, PROMPT_NEEDED, promptRequired, seedSchema } from '@/lib/generation/schema';

// Everything crossing the presets' boundary, safe for the browser: what an action takes, what the route answers.

export const PRESET_NAME_MAX = 60;

export const presetNameSchema = z
  .string({ error: 'Name the preset' })
  .trim()
  .min(1, 'Name the preset')
  .max(PRESET_NAME_MAX, `A preset name is at most ${PRESET_NAME_MAX} characters`)
  .refine((name) => !controlCharactersIn(name) && !/[\n\t]/.test(name), 'A preset name is one line of text');

const field = generationRequestSchema.shape;

/**
 * A whole setup of the studio form, checked against today's request schema when it is saved. The seed is
 * `null` when the seed was not locked (every clip rolls its own); the prompt only when the member chose to keep it.
 * An image-to-video setup names its start frame by the team's stored image (`imageId`, checked on save to be
 * the team's); a text-to-video one keeps none.
 */
export const setupSettingsSchema = z
  .object({
    model: field.model,
    mode: field.mode,
    imageId: z.uuid('That start image does not exist.').optional(),
    resolution: field.resolution,
    aspectRatio: field.aspectRatio,
    duration: field.duration,
    enablePromptExpansion: field.enablePromptExpansion,
    provider: field.provider,
    requestType: field.requestType,
    negativePrompt: field.negativePrompt,
    seed: seedSchema.nullable().default(null),
    prompt: field.prompt.optional(),
  })
  .superRefine((settings, ctx) => {
    for (const problem of modelProblems({ ...settings, prompt: settings.prompt ?? '' })) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    // A kept prompt is one the clip could be made with: empty only where its model and mode allow it.
    if (settings.prompt === '' && promptRequired(settings.model, settings.mode)) ctx.addIssue({ code: 'custom', path: ['prompt'], message: PROMPT_NEEDED });
  })
  .transform(({ imageId, ...settings }): typeof settings & { imageId?: string } => (settings.mode === 'image-to-video' && imageId ? { ...settings, imageId } : settings));
export type SetupSettings = z.output<typeof setupSettingsSchema>;

const savedFrame = z.object({ mode: z.literal('image-to-video'), imageId: z.uuid() });

/** The stored image a saved setup starts from, if it is an image-to-video setup that kept one. */
export function presetFrameId(settings: unknown): string | undefined {
  const parsed = savedFrame.safeParse(settings);
  return parsed.success ? parsed.data.imageId : undefined;
}

/** A start frame as the form shows it (the same shape as the picker's). */
export type PresetStartImage = { id: string; previewUrl: string; width: number; height: number };

export const negativeSettingsSchema = z.object({
  negativePrompt: field.negativePrompt.refine((text) => text !== undefined, 'Write a negative prompt to save'),
});

const common = { name: presetNameSchema, shared: z.boolean().default(false) };

/** The save action's one argument: saving under a name the member already has replaces that preset. */
export const savePresetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setup'), ...common, settings: setupSettingsSchema }),
  z.object({ kind: z.literal('negative'), ...common, settings: negativeSettingsSchema }),
]);
export type SavePresetInput = z.input<typeof savePresetSchema>;

export const presetIdSchema = z.uuid('That preset does not exist.');
export const renamePresetSchema = z.object({ id: presetIdSchema, name: presetNameSchema });

/** One preset as GET /api/presets answers it; `settings` is what was saved, read leniently on apply. */
export type PresetView = {
  id: string;
  kind: PresetKind;
  name: string;
  shared: boolean;
  /** Saved by the member asking. */
  mine: boolean;
  /** May rename and delete it (can() on preset:share for shared ones; always for one's own personal ones). */
  mayManage: boolean;
  authorName: string;
  settings: unknown;
  /**
   * The setup's start frame, read for the member's team: null when it keeps none, `missing` when the image
   * is no longer in the team's storage (its record or its file).
   */
  startImage: PresetStartImage | 'missing' | null;
  updatedAt: number;
};
