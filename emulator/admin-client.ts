import { z } from 'zod';
import { ADMIN_TOKEN_HEADER } from './admin-routes';
import { faultsSchema, type Faults } from './faults';
import { emulatorStatsSchema, type EmulatorStats } from './stats';

export type { Faults } from './faults';
export type { EmulatorStats } from './stats';

export interface AdminCallOptions {
  /** Defaults to EMULATOR_ADMIN_TOKEN from the environment, if any. */
  adminToken?: string;
}

/** Replaces every active fault; `{}` turns them all off. Returns what the emulator now holds. */
export async function setFaults(baseUrl: string, faults: Faults, options?: AdminCallOptions): Promise<Faults> {
  return faultsSchema.parse(await adminCall(baseUrl, 'PUT', 'faults', options, faults));
}

export async function getFaults(baseUrl: string, options?: AdminCallOptions): Promise<Faults> {
  return faultsSchema.parse(await adminCall(baseUrl, 'GET', 'faults', options));
}

/** Faults off, counters and rate-limit windows zeroed; existing tasks stay pollable. */
export async function resetEmulator(baseUrl: string, options?: AdminCallOptions): Promise<void> {
  await adminCall(baseUrl, 'POST', 'reset', options);
}

/** Sets the balance (USD) of one key, or of every key when `key` is absent; e.g. 0 to make creates answer 402. */
export async function setBalance(baseUrl: string, balance: number, options: AdminCallOptions & { key?: string } = {}): Promise<void> {
  const { key, ...callOptions } = options;
  await adminCall(baseUrl, 'PUT', 'balance', callOptions, key === undefined ? { balance } : { balance, key });
}

export async function getStats(baseUrl: string, options?: AdminCallOptions): Promise<EmulatorStats> {
  return emulatorStatsSchema.parse(await adminCall(baseUrl, 'GET', 'stats', options));
}

async function adminCall(baseUrl: string, method: string, action: string, options: AdminCallOptions = {}, body?: unknown): Promise<unknown> {
  // Accepts the API base (…/api/v1) too, since that is the URL the app is configured with.
  const root = baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  const token = options.adminToken ?? process.env.EMULATOR_ADMIN_TOKEN;
  const headers: Record<string, string> = { ...(token ? { [ADMIN_TOKEN_HEADER]: token } : {}) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${root}/__admin/${action}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const payload: unknown = await response.json();
  if (!response.ok) {
    const error = z.object({ error: z.string() }).safeParse(payload).data?.error ?? JSON.stringify(payload);
    throw new Error(`Emulator admin ${method} ${action} failed with HTTP ${response.status}: ${error}`);
  }
  return payload;
}
