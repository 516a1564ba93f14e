import { z } from 'zod';
import { ASPECT_RATIOS, listOf, MODELS, type AspectRatio, type ModelId, type ModelSpec, type Resolution } from './models';

export const MAX_NEGATIVE_PROMPT_LENGTH = 500;
export const MAX_SEED = 2_147_483_647;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const seedMessage = `input.seed must be an integer between 0 and ${MAX_SEED}`;
const durationMessage = 'input.duration must be 5 or 10';

const urlList = (field: string) =>
  z.array(z.url({ protocol: /^https?$/, error: `input.${field} must contain http(s) URLs` }), {
    error: `input.${field} must be an array of URLs`,
  });

/** Models without sound do not know `audio_urls`: like any unknown field it is accepted and dropped. */
const ignored = z.unknown().transform((): undefined => undefined).optional();

function inputSchemaFor(model: ModelSpec) {
  const resolutions = model.resolutions as readonly [Resolution, ...Resolution[]];
  const aspectRatios = ASPECT_RATIOS.filter((ratio) => resolutions.some((resolution) => model.aspectRatiosAt[resolution].includes(ratio)));
  const audioUrls: z.ZodType<string[] | undefined> = model.audio ? urlList('audio_urls').optional() : ignored;
  return z
    .object(
      {
        mode: z
          .enum(['text-to-video', 'image-to-video'], { error: 'input.mode must be text-to-video or image-to-video' })
          .default('text-to-video'),
        prompt: z
          .string({ error: 'input.prompt must be a string' })
          .max(model.maxPromptLength, `input.prompt must be at most ${model.maxPromptLength} characters`)
          .optional(),
        negative_prompt: z
          .string({ error: 'input.negative_prompt must be a string' })
          .max(MAX_NEGATIVE_PROMPT_LENGTH, `input.negative_prompt must be at most ${MAX_NEGATIVE_PROMPT_LENGTH} characters`)
          .optional(),
        image_urls: urlList('image_urls').optional(),
        audio_urls: audioUrls,
        resolution: z.enum(resolutions, { error: `input.resolution must be ${listOf(resolutions)}` }).default('720p'),
        duration: z
          .union([z.literal(5), z.literal(10), z.literal('5'), z.literal('10')], { error: durationMessage })
          .default(5)
          .transform((value): 5 | 10 => (Number(value) === 10 ? 10 : 5)),
        aspect_ratio: z
          .enum(aspectRatios as [AspectRatio, ...AspectRatio[]], { error: `input.aspect_ratio must be ${listOf(aspectRatios)}` })
          .default('16:9'),
        seed: z
          .number({ error: seedMessage })
          .int({ error: seedMessage })
          .min(0, { error: seedMessage })
          .max(MAX_SEED, { error: seedMessage })
          .optional(),
        enable_prompt_expansion: z
          .boolean({ error: 'input.enable_prompt_expansion must be a boolean' })
          .default(true),
      },
      { error: 'input must be an object' },
    )
    .superRefine((input, ctx) => {
      const promptRequired = input.mode === 'text-to-video' || model.promptRequiredForImageToVideo;
      if (promptRequired && input.prompt === undefined) {
        ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'Missing required field: input.prompt' });
      } else if (promptRequired && input.prompt === '') {
        ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'input.prompt must not be empty' });
      }
      if (input.mode === 'image-to-video' && input.image_urls?.length !== 1) {
        ctx.addIssue({ code: 'custom', path: ['image_urls'], message: 'input.image_urls must contain exactly 1 URL for image-to-video' });
      }
      if (input.audio_urls !== undefined && input.audio_urls.length !== 1) {
        ctx.addIssue({ code: 'custom', path: ['audio_urls'], message: 'input.audio_urls must contain exactly 1 URL' });
      }
      const framesHere = model.aspectRatiosAt[input.resolution];
      if (input.mode === 'text-to-video' && !framesHere.includes(input.aspect_ratio)) {
        const where = listOf(resolutions.filter((resolution) => model.aspectRatiosAt[resolution].includes(input.aspect_ratio)));
        ctx.addIssue({ code: 'custom', path: ['aspect_ratio'], message: `input.aspect_ratio ${input.aspect_ratio} is available only at ${where}` });
      }
    })
    .transform(({ prompt = '', ...rest }) => ({ ...rest, prompt }));
}

function requestSchemaFor(model: ModelSpec) {
  return z
    .object(
      {
        request_type: z.enum(['async', 'callback'], { error: 'request_type must be async or callback' }).default('async'),
        callback_url: z.string({ error: 'callback_url must be a string' }).optional(),
        provider: z.enum(['auto', 'value', 'official'], { error: 'provider must be auto, value or official' }).default('auto'),
        input: inputSchemaFor(model),
      },
      { error: 'Request body must be a JSON object' },
    )
    .superRefine((request, ctx) => {
      if (request.request_type !== 'callback') return;
      if (request.callback_url === undefined) {
        ctx.addIssue({ code: 'custom', path: ['callback_url'], message: 'Missing required field: callback_url' });
      } else if (!isAcceptableCallbackUrl(request.callback_url)) {
        ctx.addIssue({
          code: 'custom',
          path: ['callback_url'],
          message: 'callback_url must be an https URL (http is accepted only on loopback)',
        });
      }
    });
}

/** One schema per model, built from its row of the table; the first model's is the one the journal always knew. */
const schemas = new Map(Object.values(MODELS).map((model) => [model.id, requestSchemaFor(model)] as const));

export function createTaskRequestSchemaFor(model: ModelId) {
  const schema = schemas.get(model);
  if (!schema) throw new Error(`no schema for model ${model}`);
  return schema;
}

export type CreateTaskRequest = z.output<ReturnType<typeof requestSchemaFor>>;
export type TaskInput = CreateTaskRequest['input'];

export type ParseCreateTaskResult = { ok: true; request: CreateTaskRequest } | { ok: false; error: string };

export function parseCreateTaskRequest(model: ModelId, body: unknown): ParseCreateTaskResult {
  const result = createTaskRequestSchemaFor(model).safeParse(body, { reportInput: true });
  if (result.success) return { ok: true, request: result.data };
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, error: 'Invalid request body' };
  // Nested issues carry the field's own message; only "absent" needs the generic wording.
  const fieldPath = issue.path.join('.');
  const isMissing = issue.code === 'invalid_type' && issue.input === undefined && fieldPath !== '';
  return { ok: false, error: isMissing ? `Missing required field: ${fieldPath}` : issue.message };
}

function isAcceptableCallbackUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}
