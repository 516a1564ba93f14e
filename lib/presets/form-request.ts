import { models } from '@/lib/generation/models';
import type { GenerationRequestInput } from '@/lib/generation/schema';
import type { AppliedValues } from './apply';

/** The studio form's values as far as a request goes: what a preset sets, and the start frame and sound track by their kept ids. */
export type FormRequestValues = AppliedValues & { startImage: { id: string } | null; soundTrack?: { id: string } | null };

/**
 * The one mapping of the form's values to the request they ask for. The form validates and sends it; a setup
 * preset keeps it, its start frame as the image id (components/presets/preset-input.ts), and `applySetup` maps it back.
 */
export function toRequestInput(values: FormRequestValues): GenerationRequestInput {
  const seedText = values.seed.trim();
  return {
    model: values.model,
    mode: values.mode,
    // The server sends the service the URL of the image it checked and kept; the form names it by id.
    ...(values.mode === 'image-to-video' && values.startImage ? { imageId: values.startImage.id } : {}),
    // A track goes only to a model that makes sound; kept in the form, it comes back on a switch to one.
    ...(values.soundTrack && models[values.model].audio ? { audioId: values.soundTrack.id } : {}),
    prompt: values.prompt,
    negativePrompt: values.negativePrompt,
    // An unparseable seed stays a NaN so the schema reports it instead of silently rolling a new one.
    seed: seedText === '' ? undefined : /^\d+$/.test(seedText) ? Number(seedText) : Number.NaN,
    resolution: values.resolution,
    aspectRatio: values.aspectRatio,
    duration: values.duration,
    enablePromptExpansion: values.enablePromptExpansion,
    provider: values.provider,
    requestType: values.requestType,
  };
}
