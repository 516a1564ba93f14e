import { PROVIDER_PROFILES, type ServingProvider } from './providers';

/** Invented figures: the real price list is not part of the contract, only that a balance exists. */
export const STARTING_BALANCE = 1000;
export const CLIP_PRICES = {
  '720p': { 5: 0.3, 10: 0.6 },
  '1080p': { 5: 0.5, 10: 1 },
} as const;

export interface Billable {
  resolution: keyof typeof CLIP_PRICES;
  duration: 5 | 10;
}

export function createBilling() {
  const spentByKey = new Map<string, number>();
  return {
    charge(apiKey: string, { resolution, duration }: Billable, provider: ServingProvider): void {
      const price = CLIP_PRICES[resolution][duration] * PROVIDER_PROFILES[provider].priceFactor;
      spentByKey.set(apiKey, (spentByKey.get(apiKey) ?? 0) + price);
    },
    balance(apiKey: string): number {
      // Rounded so repeated float subtraction never shows 999.0999999.
      return Math.round((STARTING_BALANCE - (spentByKey.get(apiKey) ?? 0)) * 100) / 100;
    },
  };
}

export type Billing = ReturnType<typeof createBilling>;
