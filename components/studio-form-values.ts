import type { StartImage } from './start-image-picker';
import type { AppliedValues } from '@/lib/presets/apply';
import { toRequestInput } from '@/lib/presets/form-request';
import {
  generationRequestSchema,
  requestDefaults,
  type FieldErrors,
  type GenerationRequestInput,
} from '@/lib/generation/schema';

/** What the form edits (a preset's values plus the start frame); `seed` is text while the user types it. */
export type StudioFormValues = AppliedValues & { startImage: StartImage | null };

export function defaultFormValues(seed: number): StudioFormValues {
  return { ...requestDefaults, startImage: null, prompt: '', negativePrompt: '', seed: String(seed), seedLocked: false };
}

export function validateForm(values: StudioFormValues): { request?: GenerationRequestInput; errors: FieldErrors } {
  const input = toRequestInput(values);
  const parsed = generationRequestSchema.safeParse(input);
  if (parsed.success) return { request: input, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof FieldErrors | undefined;
    if (key && !errors[key]) errors[key] = [issue.message];
  }
  return { errors };
}
