import 'server-only';
import { getGenerationForWorker, insertGenerations, type HourlyGuard } from '@/db/queries/generations';
import type { Generation } from '@/db/schema';
import { crashPoint } from '@/lib/crash-point';
import type { GenerationRequest } from '@/lib/generation/schema';
import { randomSeed } from '@/lib/generation/seed';
import { newCallbackSecret } from './callback-url';
import type { TrackerDeps } from './deps';
import { dispatchQueued } from './dispatch';
import { nextQueueRank } from './queue-rank';

/**
 * Stores the request (with a concrete seed) as `queued` before anything is sent, then lets the
 * dispatcher send it when the service has a free slot. Every upstream outcome is stored on the row.
 */
export async function submitGeneration(
  { request, parentId, ...owner }: { userId: string; teamId: string; request: GenerationRequest; parentId?: string; hourlyLimit?: number },
  deps: TrackerDeps,
): Promise<Generation> {
  const [row] = await submitGenerations({ ...owner, requests: [request], parentIds: [parentId] }, deps);
  if (!row) throw new Error('the insert returned no row');
  // The dispatcher may already have sent it: answer with what is stored now.
  return (await getGenerationForWorker({ id: row.id })) ?? row;
}

/** One or many (a sweep, an import): every request stored in one transaction (all or none), then sent as slots free. */
export async function submitGenerations(
  {
    userId,
    teamId,
    requests,
    parentIds,
    sweepId,
    hourlyLimit,
  }: { userId: string; teamId: string; requests: GenerationRequest[]; parentIds?: (string | undefined)[]; sweepId?: string; hourlyLimit?: number },
  deps: TrackerDeps,
): Promise<Generation[]> {
  const createdAt = deps.now();
  const rows = await insertGenerations(
    requests.map((request, index) => {
      const webhook = request.requestType === 'callback';
      return {
        id: crypto.randomUUID(),
        teamId,
        userId,
        parentId: parentIds?.[index] ?? null,
        sweepId: sweepId ?? null,
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
        provider: request.provider,
        requestType: webhook ? 'callback' : 'async',
        callbackSecret: webhook ? newCallbackSecret() : null,
        state: 'queued' as const,
        queueRank: nextQueueRank(createdAt),
        // A millisecond apart, so the gallery (newest first) lists them in the order they were asked for.
        createdAt: new Date(createdAt.getTime() - index),
      };
    }),
    guardOf({ teamId, userId, hourlyLimit, now: createdAt }),
  );
  crashPoint('after-insert');
  await dispatchQueued(deps);
  return rows;
}

/** The member's hourly limit as an insert guard (checked atomically with the insert; see insertGenerations). */
function guardOf({ teamId, userId, hourlyLimit, now }: { teamId: string; userId: string; hourlyLimit?: number; now: Date }): HourlyGuard | undefined {
  return hourlyLimit === undefined ? undefined : { teamId, userId, limit: hourlyLimit, since: new Date(now.getTime() - 60 * 60_000) };
}
