import 'server-only';
import type { Generation } from '@/db/schema';
import { ChainPlaceTakenError } from '@/db/queries/generations';
import type { FieldErrors, GenerationRequest } from '@/lib/generation/schema';
import { trackerDeps, type TrackerDeps } from '@/lib/tasks/deps';
import { submitGenerations, type BatchPlace, type ChainPlace } from '@/lib/tasks/submit';
import { checkBalance } from './balance-check';
import { resolveKeptInputs } from './kept-inputs';
import { checkCap, checkSpend, withinLimits } from './limits';
import type { OverCap } from './refusal-message';
import { WEBHOOK_NEEDS_PUBLIC_URL } from '@/lib/reachable-messages';

export const SETTINGS_NEED_ATTENTION = 'Some settings need attention.';

/**
 * The checks a valid request still needs against this studio before it is stored: webhook delivery needs
 * a reachable address, and a start frame or sound track must be one of the team's kept ones (whose URL is then used).
 */
export async function prepareRequest(
  request: GenerationRequest,
  { teamId, publicUrl }: { teamId: string; publicUrl: string | undefined },
): Promise<{ ok: true; request: GenerationRequest } | { ok: false; fieldErrors: FieldErrors }> {
  if (request.requestType === 'callback' && !publicUrl) return { ok: false, fieldErrors: { requestType: [WEBHOOK_NEEDS_PUBLIC_URL] } };
  const resolved = await resolveKeptInputs(request, teamId);
  return resolved.ok ? resolved : { ok: false, fieldErrors: resolved.fieldErrors };
}

export type StartClips = {
  teamId: string;
  userId: string;
  requests: GenerationRequest[];
  /** Run prepareRequest on each request first; off for callers that resolved their requests themselves. */
  prepare?: boolean;
  /** Refuse the batch as a whole, in these words, when it costs more than the team's cap per sweep. */
  overCap?: (over: OverCap) => string;
  parentIds?: (string | undefined)[];
  sweepId?: string;
  batch?: BatchPlace;
  /** The new clip is a shot of this chain, at this place. */
  chain?: ChainPlace;
};

export type Started =
  | { ok: true; rows: Generation[]; costCents: number }
  | { ok: false; kind: 'invalid'; message: string; fieldErrors: FieldErrors }
  | { ok: false; kind: 'over-cap' | 'over-balance' | 'limit' | 'conflict'; message: string };

/**
 * The one way clips are started (form, JSON API, reproduce, sweep, recipes import): prepare → cap per
 * sweep and the key's balance (sweeps and imports) → hourly and daily limits → store as queued and wake the dispatcher. All or nothing.
 */
export async function startClips(start: StartClips, deps: TrackerDeps = trackerDeps()): Promise<Started> {
  const { teamId, userId, parentIds, sweepId, batch, chain } = start;
  const requests: GenerationRequest[] = [];
  for (const request of start.requests) {
    const prepared = start.prepare ? await prepareRequest(request, { teamId, publicUrl: deps.publicUrl }) : { ok: true as const, request };
    if (!prepared.ok) return { ok: false, kind: 'invalid', message: SETTINGS_NEED_ATTENTION, fieldErrors: prepared.fieldErrors };
    requests.push(prepared.request);
  }
  if (start.overCap) {
    const cap = await checkCap({ teamId, requests });
    if (!cap.ok) return { ok: false, kind: 'over-cap', message: start.overCap(cap) };
    const balance = await checkBalance({ clips: requests.length, costCents: cap.costCents }, deps.balanceUsd);
    if (!balance.ok) return { ok: false, kind: 'over-balance', message: balance.message };
  }
  // The guard's price is the one the insert counts against the budgets.
  try {
    const submitted = await withinLimits({ teamId, userId, requests, now: deps.now() }, async (guard) => ({
      rows: await submitGenerations({ userId, teamId, requests, parentIds, sweepId, batch, chain, guard }, deps),
      costCents: guard.cents,
    }));
    return submitted.ok ? { ok: true, ...submitted.value } : { ok: false, kind: 'limit', message: submitted.message };
  } catch (error) {
    if (error instanceof ChainPlaceTakenError) return { ok: false, kind: 'conflict', message: error.message };
    throw error;
  }
}

/** One clip (the form, the JSON API, reproduce): startClips, answering with its row. */
export async function startClip(
  { request, parentId, ...start }: Omit<StartClips, 'requests' | 'parentIds' | 'sweepId' | 'batch'> & { request: GenerationRequest; parentId?: string },
  deps?: TrackerDeps,
): Promise<Exclude<Started, { ok: true }> | { ok: true; row: Generation }> {
  const started = await startClips({ ...start, requests: [request], parentIds: [parentId] }, deps);
  if (!started.ok) return started;
  const [row] = started.rows;
  if (!row) throw new Error('the insert returned no row');
  return { ok: true, row };
}

/**
 * The same cap and limits, read-only, for a caller with slow work before it can start (fetching start
 * frames): a batch that would be refused fetches nothing. startClips checks the limits again as it stores.
 */
export async function precheckStart(
  { teamId, userId, requests, overCap, now }: {
    teamId: string;
    userId: string;
    requests: GenerationRequest[];
    overCap: (over: OverCap) => string;
    now: Date;
  },
  deps: Pick<TrackerDeps, 'balanceUsd'> = trackerDeps(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  const cap = await checkCap({ teamId, requests });
  if (!cap.ok) return { ok: false, message: overCap(cap) };
  const balance = await checkBalance({ clips: requests.length, costCents: cap.costCents }, deps.balanceUsd);
  if (!balance.ok) return balance;
  return checkSpend({ teamId, userId, requests, now });
}
