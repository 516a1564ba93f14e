import { fitToModel } from '@/lib/generation/model-fit';
import { DEFAULT_MODEL, generationRequestSchema, models, requestDefaults, seedSchema, type GenerationRequest } from '@/lib/generation/schema';
import type { PresetStartImage, PresetView } from './schemas';

// Applying a saved setup to the studio form: each value is checked against today's request schema, and a
// value the studio no longer takes is replaced (by the default), with a note saying what changed.

/** The form's values a preset sets; the studio form's own values are these plus the start frame (components/studio-form-values.ts). */
export type AppliedValues = {
  model: GenerationRequest['model'];
  mode: GenerationRequest['mode'];
  prompt: string;
  negativePrompt: string;
  seed: string;
  seedLocked: boolean;
  resolution: GenerationRequest['resolution'];
  aspectRatio: GenerationRequest['aspectRatio'];
  duration: GenerationRequest['duration'];
  enablePromptExpansion: boolean;
  provider: GenerationRequest['provider'];
  requestType: GenerationRequest['requestType'];
};

/** What applying gives: the preset's values, its start frame when it kept one, and a note for every change. */
export type Applied = { values: Partial<AppliedValues> & { startImage?: PresetStartImage | null }; notes: string[] };

export const FRAME_MISSING = 'The start image saved with this preset is no longer in the team’s storage: choose one again. The rest of the preset was applied.';

const field = generationRequestSchema.shape;
const choices = ['model', 'mode', 'resolution', 'aspectRatio', 'duration', 'enablePromptExpansion', 'provider', 'requestType'] as const;
const labels: Record<(typeof choices)[number], string> = {
  model: 'Model',
  mode: 'Mode',
  resolution: 'Resolution',
  aspectRatio: 'Aspect ratio',
  duration: 'Duration',
  enablePromptExpansion: 'Prompt expansion',
  provider: 'Provider',
  requestType: 'Delivery',
};

const shown = (value: unknown) => (typeof value === 'string' ? `“${value}”` : JSON.stringify(value) ?? String(value));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The form values a saved setup gives, and a note for every value that had to change. `startImage` is the
 * preset's frame as the server read it for this team (PresetView): an image-to-video setup brings it back.
 */
export function applySetup(saved: unknown, { webhookAvailable, startImage = null }: { webhookAvailable: boolean; startImage?: PresetView['startImage'] }): Applied {
  if (!isRecord(saved)) return { values: {}, notes: ['This preset could not be read; nothing was changed.'] };
  const values: Applied['values'] = {};
  const notes: string[] = [];
  const put = <K extends keyof AppliedValues>(key: K, value: AppliedValues[K]) => {
    values[key] = value;
  };

  for (const key of choices) {
    if (!(key in saved)) continue;
    const parsed = field[key].safeParse(saved[key]);
    if (parsed.success) put(key, parsed.data as never);
    else {
      put(key, requestDefaults[key] as never);
      notes.push(`${labels[key]} ${shown(saved[key])} is no longer offered: ${shown(requestDefaults[key])} instead.`);
    }
  }
  if (choices.some((key) => key in saved)) fitSetupToModel(values, notes);
  if (values.mode === 'image-to-video' && startImage !== null) {
    // A missing frame is emptied rather than left as it was: the form shows the preset, the note what is lacking.
    values.startImage = startImage === 'missing' ? null : startImage;
    if (startImage === 'missing') notes.push(FRAME_MISSING);
  }
  if (values.requestType === 'callback' && !webhookAvailable) {
    values.requestType = 'async';
    notes.push('Webhook delivery is not available on this studio: Polling instead.');
  }

  if ('seed' in saved) {
    const seed = seedSchema.safeParse(saved.seed);
    if (seed.success) Object.assign(values, { seed: String(seed.data), seedLocked: true });
    else {
      values.seedLocked = false;
      if (saved.seed !== null) notes.push(`Seed ${shown(saved.seed)} is out of range: a random seed instead.`);
    }
  }

  for (const key of ['prompt', 'negativePrompt'] as const) {
    if (!(key in saved)) continue;
    const text = typeof saved[key] === 'string' ? saved[key] : saved[key] == null ? '' : undefined;
    if (text === undefined) {
      notes.push(`The saved ${key === 'prompt' ? 'prompt' : 'negative prompt'} could not be read; yours was kept.`);
      continue;
    }
    values[key] = text;
    // Filled in as saved (never cut): the form shows the same error, and the member decides what to drop.
    const checked = text === '' ? undefined : field[key].safeParse(text);
    if (checked && !checked.success) notes.push(`${checked.error.issues[0]?.message ?? 'The saved text is not valid'}: edit it before generating.`);
    const max = models[values.model ?? DEFAULT_MODEL].promptMax;
    if (key === 'prompt' && checked?.success && text.length > max) notes.push(`Prompt must be at most ${max} characters: edit it before generating.`);
  }
  return { values, notes };
}

/**
 * A setup's values together on its model (one saved before there were two means the first): a resolution or
 * frame the model does not take becomes one it does, with the same sentence the form says on a switch.
 */
function fitSetupToModel(values: Applied['values'], notes: string[]): void {
  values.model ??= DEFAULT_MODEL;
  const whole = { ...requestDefaults, prompt: '', ...values, model: values.model };
  const fitted = fitToModel(whole, values.model);
  for (const key of ['resolution', 'aspectRatio', 'duration'] as const) {
    if (fitted.values[key] !== whole[key]) Object.assign(values, { [key]: fitted.values[key] });
  }
  notes.push(...fitted.changes.filter((change) => !change.startsWith('The prompt')));
}
