import { z } from 'zod';

export const MAX_PROMPT_LENGTH = 800;
export const MAX_NEGATIVE_PROMPT_LENGTH = 500;
export const MAX_SEED = 2_147_483_647;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const seedMessage = `input.seed must be an integer between 0 and ${MAX_SEED}`;
const durationMessage = 'input.duration must be 5 or 10';

const inputSchema = z
  .object(
    {
      mode: z
        .enum(['text-to-video', 'image-to-video'], { error: 'input.mode must be text-to-video or image-to-video' })
        .default('text-to-video'),
      prompt: z
        .string({ error: 'input.prompt must be a string' })
        .min(1, 'input.prompt must not be empty')
        .max(MAX_PROMPT_LENGTH, `input.prompt must be at most ${MAX_PROMPT_LENGTH} characters`),
      negative_prompt: z
        .string({ error: 'input.negative_prompt must be a string' })
        .max(MAX_NEGATIVE_PROMPT_LENGTH, `input.negative_prompt must be at most ${MAX_NEGATIVE_PROMPT_LENGTH} characters`)
        .optional(),
      image_urls: z
        .array(z.url({ protocol: /^https?$/, error: 'input.image_urls must contain http(s) URLs' }), {
          error: 'input.image_urls must be an array of URLs',
        })
        .optional(),
      resolution: z.enum(['720p', '1080p'], { error: 'input.resolution must be 720p or 1080p' }).default('720p'),
      duration: z
        .union([z.literal(5), z.literal(10), z.literal('5'), z.literal('10')], { error: durationMessage })
        .default(5)
        .transform((value): 5 | 10 => (Number(value) === 10 ? 10 : 5)),
      aspect_ratio: z.enum(['16:9', '9:16', '1:1'], { error: 'input.aspect_ratio must be 16:9, 9:16 or 1:1' }).default('16:9'),
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
    if (input.mode === 'image-to-video' && input.image_urls?.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['image_urls'],
        message: 'input.image_urls must contain exactly 1 URL for image-to-video',
      });
    }
  });

export const createTaskRequestSchema = z
  .object(
    {
      request_type: z.enum(['async', 'callback'], { error: 'request_type must be async or callback' }).default('async'),
      callback_url: z.string({ error: 'callback_url must be a string' }).optional(),
      provider: z.enum(['auto', 'value', 'official'], { error: 'provider must be auto, value or official' }).default('auto'),
      input: inputSchema,
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

export type CreateTaskRequest = z.output<typeof createTaskRequestSchema>;

export type ParseCreateTaskResult = { ok: true; request: CreateTaskRequest } | { ok: false; error: string };

export function parseCreateTaskRequest(body: unknown): ParseCreateTaskResult {
  const result = createTaskRequestSchema.safeParse(body, { reportInput: true });
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
