import 'server-only';
import { insertGenerations } from '@/db/queries/generations';
import type { SpendGuard } from '@/db/queries/spend';
import type { Generation } from '@/db/schema';
import { crashPoint } from '@/lib/crash-point';
import { getEnv } from '@/lib/env';
import { costCents, type GenerationRequest, randomSeed } from '@/lib/generation/schema';
import { newCallbackSecret } from './callback';
import type { TrackerDeps } from './deps';
import { dispatchQueued } from './dispatch';
import { notifyQueueMoved, notifyTeamActivity } from './notify';
import { log } from '@/lib/ops/log';

/** A batch's id and, for each request, the row of the file it came from. */
export type BatchPlace = { id: string; rows: number[] };
/**
 * A chain's id and the place of the (one) new shot in it. `opens`: the shot is the chain's next one, so its
 * place must still be empty as it is stored (two Starts of one Continue make one shot, not two paid takes);
 * without it the shot is another take of a place that has one.
 */
export type ChainPlace = { id: string; position: number; opens?: boolean };

type Owner = { userId: string; teamId: string; guard?: SpendGuard };

/**
 * Stores the request (with a concrete seed) as `queued` before anything is sent, then wakes the dispatcher,
 * which sends it when the service has a free slot; the caller never waits for that. Every upstream outcome
 * is stored on the row.
 */
export async function submitGeneration({ request, parentId, ...owner }: Owner & { request: GenerationRequest; parentId?: string }, deps: TrackerDeps): Promise<Generation> {
  const [row] = await submitGenerations({ ...owner, requests: [request], parentIds: [parentId] }, deps);
  if (!row) throw new Error('the insert returned no row');
  return row;
}

/** One or many (a sweep, an import): every request stored in one transaction (all or none), then sent as slots free. */
export async function submitGenerations(
  {
    userId,
    teamId,
    requests,
    parentIds,
    sweepId,
    batch,
    chain,
    guard,
  }: Owner & { requests: GenerationRequest[]; parentIds?: (string | undefined)[]; sweepId?: string; batch?: BatchPlace; chain?: ChainPlace },
  deps: TrackerDeps,
): Promise<Generation[]> {
  const createdAt = deps.now();
  const { prices } = getEnv();
  const rows = await insertGenerations(
    requests.map((request, index) => {
      const webhook = request.requestType === 'callback';
      return {
        id: crypto.randomUUID(),
        teamId,
        userId,
        parentId: parentIds?.[index] ?? null,
        sweepId: sweepId ?? null,
        batchId: batch?.id ?? null,
        batchRow: batch ? (batch.rows[index] ?? index + 1) : null,
        chainId: chain?.id ?? null,
        chainPosition: chain?.position ?? null,
        model: request.model,
        mode: request.mode,
        prompt: request.prompt,
        negativePrompt: request.negativePrompt ?? null,
        seed: request.seed ?? randomSeed(),
        resolution: request.resolution,
        aspectRatio: request.aspectRatio,
        duration: request.duration,
        enablePromptExpansion: request.enablePromptExpansion,
        imageUrls: request.imageUrls ?? null,
        imageId: request.imageId ?? null,
        audioUrls: request.audioUrls ?? null,
        audioId: request.audioId ?? null,
        provider: request.provider,
        requestType: webhook ? 'callback' : 'async',
        callbackSecret: webhook ? newCallbackSecret() : null,
        costCents: costCents([request], prices),
        state: 'queued' as const,
        queueRank: nextQueueRank(createdAt),
        // A millisecond apart, so the gallery (newest first) lists them in the order they were asked for.
        createdAt: new Date(createdAt.getTime() - index),
      };
    }),
    { guard, freePlace: chain?.opens ? { chainId: chain.id, position: chain.position } : undefined },
  );
  crashPoint('after-insert');
  // Not awaited: one team's backlog (or a slow service) must never make anyone's Generate wait.
  notifyQueueMoved();
  notifyTeamActivity(teamId);
  dispatchQueued(deps).catch((error: unknown) => log().error({ event: 'dispatch', err: error }, 'dispatch failed'));
  return rows;
}

let lastRank = 0;

/**
 * A queue rank for a generation stored now: time order, and never equal to another rank from this
 * process (two clips stored in the same millisecond still have a before and after, so they can be
 * swapped). A sub-millisecond random part keeps ranks from different processes apart too.
 */
export function nextQueueRank(now: Date): number {
  lastRank = Math.max(now.getTime(), lastRank + 0.001) + Math.random() * 0.0001;
  return lastRank;
}
