import 'server-only';
import { isIP } from 'node:net';
import { z } from 'zod';

const header = z.union([z.string(), z.array(z.string())]).optional().catch(undefined);
const ipHeaders = z
  .object({ 'x-forwarded-for': header, 'x-real-ip': header })
  .catch({ 'x-forwarded-for': undefined, 'x-real-ip': undefined });

/** Used behind a trusted proxy when no header names an address: such clients share one bucket. */
export const UNKNOWN_IP = 'unknown';

function firstAddress(value: string | string[] | undefined): string | undefined {
  const first = (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  return first && isIP(first) ? first : undefined;
}

/**
 * The client's address for per-address limits, or undefined when it cannot be known. Next keeps an
 * X-Forwarded-For the client sent (it only fills a missing one), so the header is believed only when
 * TRUST_PROXY says a proxy in front overwrites it; otherwise any caller could pick their own bucket.
 */
export function clientIp(headers: unknown, trustProxy: boolean): string | undefined {
  if (!trustProxy) return undefined;
  const parsed = ipHeaders.parse(headers ?? {});
  return firstAddress(parsed['x-forwarded-for']) ?? firstAddress(parsed['x-real-ip']) ?? UNKNOWN_IP;
}
