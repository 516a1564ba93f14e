import { z } from 'zod';
import '@/lib/zod-jitless';
import { aspectRatios, type durations, listOf, modelIds, NEGATIVE_PROMPT_MAX, providers, requestDefaults, requestTypes, resolutions } from '@/lib/generation/schema';
import { batchFormats } from './batch-format';

// The base setup a batch's rows fall back to, as the batch page's controls send it (URL parameters beside the
// file in the body): every field but the prompt and the kept inputs, which rows bring themselves.

const flag = z.enum(['true', 'false'], 'Prompt expansion must be true or false').transform((value) => value === 'true');

export const batchBaseSchema = z.object({
  model: z.enum(modelIds, `Model must be ${listOf(modelIds)}`).default(requestDefaults.model),
  resolution: z.enum(resolutions, `Resolution must be ${listOf(resolutions)}`).default(requestDefaults.resolution),
  aspectRatio: z.enum(aspectRatios, `Aspect ratio must be ${listOf(aspectRatios)}`).default(requestDefaults.aspectRatio),
  duration: z
    .enum(['5', '10'] as const satisfies readonly `${(typeof durations)[number]}`[], 'Duration must be 5 or 10 seconds')
    .transform((value): (typeof durations)[number] => (value === '10' ? 10 : 5))
    .default(requestDefaults.duration),
  enablePromptExpansion: flag.default(requestDefaults.enablePromptExpansion),
  provider: z.enum(providers, 'Provider must be auto, value or official').default(requestDefaults.provider),
  requestType: z.enum(requestTypes, 'Delivery must be async or callback').default(requestDefaults.requestType),
  negativePrompt: z.string().max(NEGATIVE_PROMPT_MAX, `Negative prompt must be at most ${NEGATIVE_PROMPT_MAX} characters`).optional(),
});
export type BatchBase = z.output<typeof batchBaseSchema>;
export type BatchBaseInput = z.input<typeof batchBaseSchema>;

/** Everything beside the file: its format and the base setup. */
export const batchParamsSchema = batchBaseSchema.extend({ format: z.enum(batchFormats, 'Format must be csv or jsonl').default('csv') });

/** Parses the routes' URL parameters; the first problem in the user's words. */
export function parseBatchParams(params: URLSearchParams): { ok: true; format: (typeof batchFormats)[number]; base: BatchBase } | { ok: false; message: string } {
  const parsed = batchParamsSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'The base setup is not valid.' };
  const { format, ...base } = parsed.data;
  return { ok: true, format, base };
}
