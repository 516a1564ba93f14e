import 'server-only';
import { isIP } from 'node:net';
import { z } from 'zod';

const header = z.union([z.string(), z.array(z.string())]).optional().catch(undefined);
const ipHeaders = z
  .object({ 'x-forwarded-for': header, 'x-real-ip': header })
  .catch({ 'x-forwarded-for': undefined, 'x-real-ip': undefined });

/** Used when no header names an address: such clients share one bucket rather than escaping the limit. */
export const UNKNOWN_IP = 'unknown';

function firstAddress(value: string | string[] | undefined): string | undefined {
  const first = (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  return first && isIP(first) ? first : undefined;
}

// Trusts the first X-Forwarded-For entry: Next fills it from the socket, so a proxy in front must overwrite, not append, it.
export function clientIp(headers: unknown): string {
  const parsed = ipHeaders.parse(headers ?? {});
  return firstAddress(parsed['x-forwarded-for']) ?? firstAddress(parsed['x-real-ip']) ?? UNKNOWN_IP;
}
