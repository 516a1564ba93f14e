import { z } from 'zod';

export const PROMPT_MAX = 800;
export const NEGATIVE_PROMPT_MAX = 500;
export const SEED_MAX = 2_147_483_647;

export const modes = ['text-to-video', 'image-to-video'] as const;
export const resolutions = ['720p', '1080p'] as const;
export const aspectRatios = ['16:9', '9:16', '1:1'] as const;
export const durations = [5, 10] as const;
export const providers = ['auto', 'value', 'official'] as const;
export const requestTypes = ['async', 'callback'] as const;

/** What a request is when it does not say: the schema fills these in, and the studio form starts from them. */
export const requestDefaults = {
  mode: 'text-to-video',
  resolution: '720p',
  aspectRatio: '16:9',
  duration: 5,
  enablePromptExpansion: true,
  provider: 'auto',
  requestType: 'async',
} as const satisfies {
  mode: (typeof modes)[number];
  resolution: (typeof resolutions)[number];
  aspectRatio: (typeof aspectRatios)[number];
  duration: (typeof durations)[number];
  enablePromptExpansion: boolean;
  provider: (typeof providers)[number];
  requestType: (typeof requestTypes)[number];
};

export const seedSchema = z
  .number({ error: 'Seed must be a whole number' })
  .int('Seed must be a whole number')
  .min(0, 'Seed must be 0 or more')
  .max(SEED_MAX, `Seed must be at most ${SEED_MAX}`);

/** A uniformly random seed in the API's range, from the platform CSPRNG (browser or Node). */
export function randomSeed(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  return (buffer[0] ?? 0) % (SEED_MAX + 1);
}

// Newline and tab are text; every other C0 control, DEL and the C1 controls are not, and never go upstream.
// eslint-disable-next-line no-control-regex -- matching control characters is this module's job
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

const names: Record<number, string> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 11: 'VT', 12: 'FF', 13: 'CR', 27: 'ESC', 127: 'DEL' };

const label = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return names[code] ? `${hex} ${names[code]}` : hex;
};

/** The distinct control characters in `text` (newline and tab excepted), named: "U+0000 NUL, U+001B ESC". */
export function controlCharactersIn(text: string): string | undefined {
  const found = [...new Set(text.match(CONTROL) ?? [])];
  return found.length ? found.map(label).join(', ') : undefined;
}

/** Text for the service: Windows line ends become newlines; any other control character is refused, by name. */
const textFor = (what: string) =>
  z
    .string()
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .superRefine((value, ctx) => {
      const found = controlCharactersIn(value);
      if (found) ctx.addIssue({ code: 'custom', message: `${what} contains control characters (${found}); remove them.` });
    });

/** The one schema of a generation request: the studio form, the server action and the Wan client share it. */
export const generationRequestSchema = z
  .object({
    mode: z.enum(modes).default(requestDefaults.mode),
    prompt: textFor('The prompt').pipe(z.string().trim().min(1, 'Describe the video you want').max(PROMPT_MAX, `Prompt must be at most ${PROMPT_MAX} characters`)),
    negativePrompt: textFor('The negative prompt')
      .pipe(z.string().trim().max(NEGATIVE_PROMPT_MAX, `Negative prompt must be at most ${NEGATIVE_PROMPT_MAX} characters`))
      .optional()
      .transform((value) => (value ? value : undefined)),
    imageUrls: z.array(z.url('Image link must be a valid URL')).max(1).optional(),
    /** The studio's checked, kept copy of the start frame (from POST /api/images). */
    imageId: z.uuid('Choose a start image').optional(),
    resolution: z.enum(resolutions, 'Resolution must be 720p or 1080p').default(requestDefaults.resolution),
    aspectRatio: z.enum(aspectRatios, 'Aspect ratio must be 16:9, 9:16 or 1:1').default(requestDefaults.aspectRatio),
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
  });

export type GenerationRequestInput = z.input<typeof generationRequestSchema>;
export type GenerationRequest = z.output<typeof generationRequestSchema>;
/** A request whose seed is fixed: what is stored and sent. */
export type ConcreteGenerationRequest = GenerationRequest & { seed: number };

export type FieldErrors = Partial<Record<keyof GenerationRequest, string[]>>;

export function fieldErrorsOf(error: z.ZodError<GenerationRequestInput>): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}

// What a request costs.

/** US cents per second of video, by resolution: the studio's are getEnv().prices (PRICE_*_CENTS_PER_SECOND). */
export type PriceTable = { '720p': number; '1080p': number };

/** Anything with a resolution and a duration in seconds: a request, a stored clip. */
export type Priced = { resolution: keyof PriceTable; duration: number };

export function costCents(requests: Priced[], prices: PriceTable): number {
  return requests.reduce((sum, request) => sum + prices[request.resolution] * request.duration, 0);
}

/**
 * "$1,234.50", as en-US currency formatting writes it. By hand on purpose: the browser's first currency
 * Intl.NumberFormat loads its locale data on the main thread (≈ 30 ms, 4× that on a phone) while the studio hydrates.
 */
export function formatUsd(cents: number): string {
  const whole = Math.round(Math.abs(cents));
  const dollars = String(Math.floor(whole / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 && whole > 0 ? '-' : ''}$${dollars}.${String(whole % 100).padStart(2, '0')}`;
}
