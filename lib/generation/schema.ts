import { z } from 'zod';
import '@/lib/zod-jitless';
import { modelProblems } from './model-fit';
import { aspectRatios, controlCharactersIn, promptRequired, durations, type FieldErrors, LONGEST_PROMPT, listOf, modelIds, modes, NEGATIVE_PROMPT_MAX, providers, requestDefaults, requestTypes, resolutions, SEED_MAX } from './request-fields';

export * from './request-fields';

export const PROMPT_NEEDED = 'Describe the video you want';

export const seedSchema = z
  .number({ error: 'Seed must be a whole number' })
  .int('Seed must be a whole number')
  .min(0, 'Seed must be 0 or more')
  .max(SEED_MAX, `Seed must be at most ${SEED_MAX}`);

/** Text for the service: Windows line ends become newlines; any other control character is refused, by name. */
const textFor = (what: string) =>
  z
    .string()
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .superRefine((value, ctx) => {
      const found = controlCharactersIn(value);
      if (found) ctx.addIssue({ code: 'custom', message: `${what} contains control characters (${found}); remove them.` });
    });

// Far past every model's limit: the model's own (`modelProblems`) is checked once the fields parse.
const PROMPT_GUARD = 10 * LONGEST_PROMPT;
const failedFields = (issues: readonly { path?: readonly PropertyKey[] }[]) => new Set(issues.map((issue) => String(issue.path?.[0])));
// What each model check reads besides the model and mode: a frame is checked at its resolution.
const readsOf = { prompt: ['prompt'], resolution: ['resolution'], aspectRatio: ['resolution', 'aspectRatio'], duration: ['duration'], audioId: ['audioId', 'audioUrls'] } as const;

/** The one schema of a generation request: the studio form, the server action and the Wan client share it. */
export const generationRequestSchema = z
  .object({
    /** Which of the service's models makes the clip; its row in models.ts bounds every other field. */
    model: z.enum(modelIds, `Model must be ${listOf(modelIds)}`).default(requestDefaults.model),
    mode: z.enum(modes).default(requestDefaults.mode),
    // Empty is refused below where its model and mode need a prompt (all but image-to-video on the second model).
    prompt: textFor('The prompt').pipe(z.string().trim().max(PROMPT_GUARD, `Prompt must be at most ${LONGEST_PROMPT} characters`)),
    negativePrompt: textFor('The negative prompt')
      .pipe(z.string().trim().max(NEGATIVE_PROMPT_MAX, `Negative prompt must be at most ${NEGATIVE_PROMPT_MAX} characters`))
      .optional()
      .transform((value) => (value ? value : undefined)),
    imageUrls: z.array(z.url('Image link must be a valid URL')).max(1).optional(),
    /** The studio's checked, kept copy of the start frame (from POST /api/images). */
    imageId: z.uuid('Choose a start image').optional(),
    /** The sound track's URL as sent (`audio_urls`): set by the server from the kept track, never by the browser. */
    audioUrls: z.array(z.url('Sound track link must be a valid URL')).max(1, 'Add at most one sound track').optional(),
    /** The studio's checked, kept copy of a sound track (from POST /api/audio); models with sound only. */
    audioId: z.uuid('Choose a sound track').optional(),
    resolution: z.enum(resolutions, `Resolution must be ${listOf(resolutions)}`).default(requestDefaults.resolution),
    aspectRatio: z.enum(aspectRatios, `Aspect ratio must be ${listOf(aspectRatios)}`).default(requestDefaults.aspectRatio),
    duration: z.literal(durations, 'Duration must be 5 or 10 seconds').default(requestDefaults.duration),
    /** Absent means "random": the server fixes a concrete seed before anything is sent. */
    seed: seedSchema.optional(),
    enablePromptExpansion: z.boolean().default(requestDefaults.enablePromptExpansion),
    provider: z.enum(providers, 'Provider must be auto, value or official').default(requestDefaults.provider),
    requestType: z.enum(requestTypes).default(requestDefaults.requestType),
  })
  .superRefine((value, ctx) => {
    if (value.mode === 'image-to-video' && !value.imageId && value.imageUrls?.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['imageUrls'], message: 'Image-to-video needs exactly one start image' });
    }
    if (value.mode === 'text-to-video' && (value.imageUrls?.length || value.imageId)) {
      ctx.addIssue({ code: 'custom', path: ['imageUrls'], message: 'Text-to-video takes no image' });
    }
  })
  // The model's own limits, as soon as the fields they bound have parsed (whatever else is wrong).
  .superRefine(
    (value, ctx) => {
      // Each field against its model as soon as what it reads has parsed, whatever else is wrong; a field
      // that failed its own check stands in as the default (never a model problem) and is not checked again.
      const failed = failedFields(ctx.issues);
      const safe = { ...value, ...Object.fromEntries([...failed].filter((key) => key in requestDefaults).map((key) => [key, requestDefaults[key as keyof typeof requestDefaults]])) };
      if (failed.has('prompt')) safe.prompt = '';
      for (const problem of modelProblems(safe)) {
        if (readsOf[problem.path].some((key) => failed.has(key))) continue;
        ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
      }
      if (!failed.has('prompt') && value.prompt === '' && promptRequired(value.model, value.mode)) {
        ctx.addIssue({ code: 'custom', path: ['prompt'], message: PROMPT_NEEDED });
      }
    },
    { when: ({ issues }) => !failedFields(issues).has('model') && !failedFields(issues).has('mode') },
  );

export type GenerationRequestInput = z.input<typeof generationRequestSchema>;
export type GenerationRequest = z.output<typeof generationRequestSchema>;
/** A request whose seed is fixed: what is stored and sent. */
export type ConcreteGenerationRequest = GenerationRequest & { seed: number };

export function fieldErrorsOf(error: z.ZodError<GenerationRequestInput>): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}
