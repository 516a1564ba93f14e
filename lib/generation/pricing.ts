/** US cents per second of video, by resolution: the studio's are getEnv().prices (PRICE_*_CENTS_PER_SECOND). */
export type PriceTable = { '720p': number; '1080p': number };

/** Anything with a resolution and a duration in seconds: a request, a stored clip. */
export type Priced = { resolution: keyof PriceTable; duration: number };

export function costCents(requests: Priced[], prices: PriceTable): number {
  return requests.reduce((sum, request) => sum + prices[request.resolution] * request.duration, 0);
}

export function formatUsd(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}
