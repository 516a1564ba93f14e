import { z } from 'zod';
import { MODEL_IDS, MODELS, RESOLUTIONS, type ModelId, type Resolution } from './models';
import { PROVIDER_PROFILES, type ServingProvider } from './providers';

/** USD per second of clip, per model and resolution. */
export type PriceTable = Record<ModelId, Partial<Record<Resolution, number>>>;

/**
 * Invented for the first model (0.3 / 0.5 USD per 5 s clip at 720p / 1080p, as before); the second model's are
 * the per-second prices published for Wan 2.5 elsewhere (fal, Krea). The contract keeps prices in configuration.
 */
export const DEFAULT_PRICES: PriceTable = {
  'wan-2-5': { '720p': 0.06, '1080p': 0.1 },
  'wan-2-5-video': { '480p': 0.05, '720p': 0.1, '1080p': 0.15 },
};
export const DEFAULT_STARTING_BALANCE = 1000;

/** Overrides of the default prices, e.g. {"wan-2-5-video": {"480p": 0.04}}; only resolutions a model has. */
export const pricesSchema = z
  .partialRecord(
    z.enum(MODEL_IDS, { error: `prices are keyed by model: ${MODEL_IDS.join(', ')}` }),
    z.partialRecord(z.enum(RESOLUTIONS), z.number({ error: 'a price must be a number' }).min(0, 'a price must not be negative')),
  )
  .superRefine((prices, ctx) => {
    for (const [model, byResolution] of Object.entries(prices) as [ModelId, Partial<Record<Resolution, number>>][]) {
      for (const resolution of Object.keys(byResolution) as Resolution[]) {
        if (!MODELS[model].resolutions.includes(resolution)) {
          ctx.addIssue({ code: 'custom', path: [model, resolution], message: `${model} has no ${resolution}` });
        }
      }
    }
  });

export type PriceOverrides = z.infer<typeof pricesSchema>;

export interface Billable {
  resolution: Resolution;
  duration: 5 | 10;
}

export interface BillingOptions {
  startingBalance?: number;
  prices?: PriceOverrides;
}

/** Each key's balance in USD: it starts at the configured amount, and each charged task takes its price. */
export function createBilling({ startingBalance = DEFAULT_STARTING_BALANCE, prices = {} }: BillingOptions = {}) {
  const table: PriceTable = {
    'wan-2-5': { ...DEFAULT_PRICES['wan-2-5'], ...prices['wan-2-5'] },
    'wan-2-5-video': { ...DEFAULT_PRICES['wan-2-5-video'], ...prices['wan-2-5-video'] },
  };
  let fallback = startingBalance;
  const balances = new Map<string, number>();
  const balance = (apiKey: string) => balances.get(apiKey) ?? fallback;
  return {
    /** What a task costs: per-second price × duration, times the provider's factor. */
    priceOf(model: ModelId, { resolution, duration }: Billable, provider: ServingProvider): number {
      const perSecond = table[model][resolution] ?? 0;
      return perSecond * duration * PROVIDER_PROFILES[provider].priceFactor;
    },
    /** Whether the key's balance pays for a task of this price (to a billionth, against float dust). */
    covers: (apiKey: string, price: number): boolean => balance(apiKey) + 1e-9 >= price,
    charge(apiKey: string, price: number): void {
      balances.set(apiKey, balance(apiKey) - price);
    },
    /** Rounded to 4 decimals (as the docs show it), so repeated subtraction never shows 999.0999999. */
    balance: (apiKey: string): number => Math.round(balance(apiKey) * 10_000) / 10_000,
    /** Sets one key's balance, or every key's (and the start of keys not seen yet) when no key is given. */
    setBalance(amount: number, apiKey?: string): void {
      if (apiKey !== undefined) return void balances.set(apiKey, amount);
      fallback = amount;
      balances.clear();
    },
  };
}

export type Billing = ReturnType<typeof createBilling>;
