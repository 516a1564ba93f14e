import 'server-only';
import { insertGeneration, updateGeneration } from '@/db/queries/generations';
import type { Generation } from '@/db/schema';
import { firstPollDelayMs } from '@/lib/generation/eta';
import type { GenerationRequest } from '@/lib/generation/schema';
import { randomSeed } from '@/lib/generation/seed';
import { toWanCreateBody, WanApiError, WanNetworkError, type WanClient } from '@/lib/wan';

export type SubmitDeps = { wan: WanClient; now: () => Date; pollScale: number };

/**
 * Stores the request (with a concrete seed) before anything is sent, then creates the upstream task.
 * Every upstream failure becomes a stored state the user can see; nothing is thrown away.
 */
export async function submitGeneration(
  { userId, teamId, request, parentId }: { userId: string; teamId: string; request: GenerationRequest; parentId?: string },
  { wan, now, pollScale }: SubmitDeps,
): Promise<Generation> {
  const concrete = { ...request, seed: request.seed ?? randomSeed() };
  const row = await insertGeneration({
    id: crypto.randomUUID(),
    teamId,
    userId,
    parentId: parentId ?? null,
    mode: concrete.mode,
    prompt: concrete.prompt,
    negativePrompt: concrete.negativePrompt ?? null,
    seed: concrete.seed,
    resolution: concrete.resolution,
    aspectRatio: concrete.aspectRatio,
    duration: concrete.duration,
    enablePromptExpansion: concrete.enablePromptExpansion,
    imageUrls: concrete.imageUrls ?? null,
    provider: concrete.provider,
    requestType: 'async',
    state: 'queued',
    createdAt: now(),
  });

  try {
    const { taskId } = await wan.createTask(toWanCreateBody(concrete));
    const submittedAt = now();
    return (
      (await updateGeneration({
        id: row.id,
        values: {
          taskId,
          state: 'pending',
          submittedAt,
          nextPollAt: new Date(submittedAt.getTime() + firstPollDelayMs(concrete) * pollScale),
          updatedAt: submittedAt,
        },
      })) ?? row
    );
  } catch (error) {
    return (await updateGeneration({ id: row.id, values: { ...submitFailure(error), updatedAt: now() } })) ?? row;
  }
}

function submitFailure(error: unknown): Pick<Generation, 'state' | 'failCode' | 'failMsg'> {
  if (error instanceof WanApiError) {
    return { state: 'failed', failCode: `HTTP_${error.status}`, failMsg: error.detail ?? error.message };
  }
  if (error instanceof WanNetworkError && !error.outcomeUnknown) {
    return { state: 'failed', failCode: 'UNREACHABLE', failMsg: 'The Wan API could not be reached; nothing was created.' };
  }
  console.error('[submit] outcome unknown', error);
  return {
    state: 'unknown',
    failCode: 'OUTCOME_UNKNOWN',
    failMsg: 'The Wan API did not confirm the task. It may or may not have been created.',
  };
}
