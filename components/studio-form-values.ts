import type { StartImage } from './start-image-picker';
import type { SoundTrackView } from '@/lib/audio/track-view';
import type { AppliedValues } from '@/lib/presets/apply';
import { toRequestInput } from '@/lib/presets/form-request';
import { requestDefaults, type FieldErrors, type GenerationRequestInput } from '@/lib/generation/request-fields';
import type { RequestSchema } from './hooks/use-request-schema';

/** What the form edits (a preset's values plus the start frame and sound track); `seed` is text while the user types it. */
export type StudioFormValues = AppliedValues & { startImage: StartImage | null; soundTrack: SoundTrackView | null };

export function defaultFormValues(seed: number): StudioFormValues {
  return { ...requestDefaults, startImage: null, soundTrack: null, prompt: '', negativePrompt: '', seed: String(seed), seedLocked: false };
}

/**
 * The form's request and its errors under the request's one schema. Until the schema has loaded
 * (components/hooks/use-request-schema.ts) the request goes as it is and the server's check is the only one.
 */
export function validateForm(values: StudioFormValues, schema: RequestSchema | undefined): { request?: GenerationRequestInput; errors: FieldErrors } {
  const input = toRequestInput(values);
  if (!schema) return { request: input, errors: {} };
  const parsed = schema.safeParse(input);
  if (parsed.success) return { request: input, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof FieldErrors | undefined;
    if (key && !errors[key]) errors[key] = [issue.message];
  }
  return { errors };
}
