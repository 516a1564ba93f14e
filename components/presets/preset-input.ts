import type { SavePresetInput } from '@/lib/presets/schemas';
import type { StudioFormValues } from '../studio-form-values';

type Kind = SavePresetInput['kind'];

/** What a preset of this kind keeps of the form: every parameter (the prompt only when asked), or the negative prompt. */
export function presetInputOf(values: StudioFormValues, { kind, name, shared, includePrompt }: { kind: Kind; name: string; shared: boolean; includePrompt: boolean }): SavePresetInput {
  if (kind === 'negative') return { kind, name, shared, settings: { negativePrompt: values.negativePrompt } };
  const seed = values.seed.trim();
  return {
    kind,
    name,
    shared,
    settings: {
      mode: values.mode,
      resolution: values.resolution,
      aspectRatio: values.aspectRatio,
      duration: values.duration,
      enablePromptExpansion: values.enablePromptExpansion,
      provider: values.provider,
      requestType: values.requestType,
      negativePrompt: values.negativePrompt,
      seed: values.seedLocked ? (/^\d+$/.test(seed) ? Number(seed) : Number.NaN) : null,
      ...(includePrompt ? { prompt: values.prompt } : {}),
    },
  };
}
