import type { ConcreteGenerationRequest } from './schema';

/** US cents per second of video, by resolution. Defaults; the server's env can override them. */
export type PriceTable = { '720p': number; '1080p': number };
export const defaultPrices: PriceTable = { '720p': 6, '1080p': 10 };

export function costCents(requests: Pick<ConcreteGenerationRequest, 'resolution' | 'duration'>[], prices: PriceTable): number {
  return requests.reduce((sum, request) => sum + prices[request.resolution] * request.duration, 0);
}

export function formatUsd(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}
