// The request's fields, limits, defaults and prices: plain values without zod, so the pages that only show or
// offer them (the studio form, the cost line, the usage chart) do not load and build the schemas at start-up.
// lib/generation/schema.ts holds the one zod schema of a request and re-exports all of this.

import { allAspectRatios, allResolutions, DEFAULT_MODEL, type ModelId, modelIds, type Resolution } from './models';
import type { GenerationRequest } from './schema';

export * from './models';

/** The default model's prompt limit; a request's own is `models[request.model].promptMax`. */
export const PROMPT_MAX = 800;
export const NEGATIVE_PROMPT_MAX = 500;
export const SEED_MAX = 2_147_483_647;

export const modes = ['text-to-video', 'image-to-video'] as const;
/** Every model's together; what one model offers is its row in models.ts. */
export const resolutions = allResolutions;
export const aspectRatios = allAspectRatios;
export const durations = [5, 10] as const;
export const providers = ['auto', 'value', 'official'] as const;
export const requestTypes = ['async', 'callback'] as const;

/** What a request is when it does not say: the schema fills these in, and the studio form starts from them. */
export const requestDefaults = {
  model: DEFAULT_MODEL,
  mode: 'text-to-video',
  resolution: '720p',
  aspectRatio: '16:9',
  duration: 5,
  enablePromptExpansion: true,
  provider: 'auto',
  requestType: 'async',
} as const satisfies {
  model: ModelId;
  mode: (typeof modes)[number];
  resolution: (typeof resolutions)[number];
  aspectRatio: (typeof aspectRatios)[number];
  duration: (typeof durations)[number];
  enablePromptExpansion: boolean;
  provider: (typeof providers)[number];
  requestType: (typeof requestTypes)[number];
};

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

export type FieldErrors = Partial<Record<keyof GenerationRequest, string[]>>;

// What a request costs.

/** US cents per second of video, by model and resolution: the studio's are getEnv().prices (PRICE_*_CENTS_PER_SECOND). */
export type PriceTable = Record<ModelId, Record<Resolution, number>>;

/** Anything with a resolution and a duration in seconds, and its model (none: the default): a request, a stored clip. */
export type Priced = { model?: ModelId; resolution: Resolution; duration: number };

export function costCents(requests: Priced[], prices: PriceTable): number {
  return requests.reduce((sum, request) => sum + prices[request.model ?? DEFAULT_MODEL][request.resolution] * request.duration, 0);
}

/** A price table with every model at the same prices: tests and callers that do not care about the model. */
export function samePrices(perResolution: Record<Resolution, number>): PriceTable {
  return Object.fromEntries(modelIds.map((id) => [id, perResolution])) as PriceTable;
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

export type { GenerationRequest, GenerationRequestInput } from './schema';
