export type RequestedProvider = 'auto' | 'value' | 'official';
export type ServingProvider = 'value' | 'official';

/** Invented but plausible: partners are cheaper and a little slower, the official route faster and dearer. */
export const PROVIDER_PROFILES = {
  // Value (what auto uses) keeps the documented 50–70 s / 70–90 s; official is faster and dearer.
  value: { timeFactor: 1, priceFactor: 0.8 },
  official: { timeFactor: 0.85, priceFactor: 1.2 },
} as const;

/** Extra generation time when `auto` gives up on the partner and moves to official (scaled like generation). */
export const FAILOVER_DELAY_MS = 5_000;

export type ProviderPlan =
  | { available: true; provider: ServingProvider; failedOver: boolean }
  | { available: false; provider: ServingProvider };

export const PROVIDER_UNAVAILABLE = {
  failCode: 'MODEL_UNAVAILABLE',
  failMsg: 'The value provider is unavailable; retry with provider auto or official',
} as const;

/** Which provider serves a task: `auto` is value unless the partner is down, then official. */
export function planProvider(requested: RequestedProvider, partnerDown: boolean): ProviderPlan {
  if (requested === 'official') return { available: true, provider: 'official', failedOver: false };
  if (!partnerDown) return { available: true, provider: 'value', failedOver: false };
  if (requested === 'auto') return { available: true, provider: 'official', failedOver: true };
  return { available: false, provider: 'value' };
}
