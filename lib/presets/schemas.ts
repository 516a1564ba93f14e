import { z } from 'zod';
import type { PresetKind } from '@/db/schema';
import { controlCharactersIn, generationRequestSchema, seedSchema } from '@/lib/generation/schema';

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
 */
export const setupSettingsSchema = z.object({
  mode: field.mode,
  resolution: field.resolution,
  aspectRatio: field.aspectRatio,
  duration: field.duration,
  enablePromptExpansion: field.enablePromptExpansion,
  provider: field.provider,
  requestType: field.requestType,
  negativePrompt: field.negativePrompt,
  seed: seedSchema.nullable().default(null),
  prompt: field.prompt.optional(),
});
export type SetupSettings = z.output<typeof setupSettingsSchema>;

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
  updatedAt: number;
};
