import { z } from 'zod';
import { envelopeSchema } from './envelope';

/** The key's remaining balance (doc: `{"code":200,"message":"success","data":74.8700}`), on the API's host. */
export const BALANCE_PATH = '/apikeys/current-balance';

/** A bare USD amount; anything else (a string, an object, NaN, absurd sizes) is no balance at all. */
const usdSchema = z.number().finite().min(-1e9).max(1e9);

const balanceEnvelopeSchema = envelopeSchema.extend({ code: z.literal(200), data: usdSchema });

/**
 * The balance in USD from one answer of the balance endpoint, or undefined when it says nothing usable:
 * an HTTP error, another envelope code, unreadable JSON, or a `data` that is not a plain number.
 * The studio hides the balance then; it is never an error.
 */
export function parseBalanceAnswer(status: number, text: string): number | undefined {
  if (status !== 200) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  return balanceEnvelopeSchema.safeParse(json).data?.data;
}

export type BalanceReadOptions = { baseUrl: string; apiKey: string; timeoutMs: number; fetch?: typeof fetch };

const MAX_ANSWER_CHARS = 10_000;

/** Asks the service once; never throws (a network failure is "no balance" too). */
export async function readBalanceUsd({ baseUrl, apiKey, timeoutMs, fetch: fetchImpl = fetch }: BalanceReadOptions): Promise<number | undefined> {
  try {
    const response = await fetchImpl(`${baseUrl.replace(/\/+$/, '')}${BALANCE_PATH}`, {
      headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    const text = await response.text();
    return parseBalanceAnswer(response.status, text.slice(0, MAX_ANSWER_CHARS));
  } catch {
    return undefined;
  }
}
