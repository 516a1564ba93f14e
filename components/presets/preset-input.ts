import { toRequestInput } from '@/lib/presets/form-request';
import type { SavePresetInput } from '@/lib/presets/schemas';
import type { StudioFormValues } from '../studio-form-values';

type Kind = SavePresetInput['kind'];

/**
 * What a preset of this kind keeps of the form: the request the form would send (`toRequestInput`, the one
 * mapping of the form's values), its start frame by the team's image id, with the prompt only when asked and
 * the seed only when it is locked; or just the negative prompt. `applySetup` (lib/presets/apply.ts) is its inverse.
 */
export function presetInputOf(values: StudioFormValues, { kind, name, shared, includePrompt }: { kind: Kind; name: string; shared: boolean; includePrompt: boolean }): SavePresetInput {
  if (kind === 'negative') return { kind, name, shared, settings: { negativePrompt: values.negativePrompt } };
  const { prompt, seed, ...parameters } = toRequestInput(values);
  return {
    kind,
    name,
    shared,
    settings: {
      ...parameters,
      // A locked but empty seed stays a NaN, so the save schema asks for a number instead of saving "random".
      seed: values.seedLocked ? (seed ?? Number.NaN) : null,
      ...(includePrompt ? { prompt } : {}),
    },
  };
}
