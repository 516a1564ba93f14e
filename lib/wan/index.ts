import 'server-only';
import { getEnv } from '@/lib/env';
import { createWanClient, type WanClient } from './client';

let client: WanClient | undefined;

/** The process-wide client, holding the server-side key. Nothing outside lib/wan ever sees the key. */
export function getWanClient(): WanClient {
  const { wan } = getEnv();
  client ??= createWanClient({ baseUrl: wan.baseUrl, apiKey: wan.apiKey, timeoutMs: wan.timeoutMs });
  return client;
}

export { toWanCreateBody } from './request-body';
export { WanApiError, WanNetworkError, WanProtocolError } from './errors';
export type { WanClient } from './client';
export type { TaskStatus } from './envelope';
