'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getGenerationById } from '@/db/queries/generations';
import { refusal, type ActionResult } from '@/lib/action-result';
import { authorize } from '@/lib/auth/session';
import { requestOf } from '@/lib/generation/recipe';
import { fieldErrorsOf, generationRequestSchema, type FieldErrors, type GenerationRequestInput } from '@/lib/generation/schema';
import { randomSeed } from '@/lib/generation/seed';
import { toGenerationView, type GenerationView } from '@/lib/generation/view';
import { trackerDeps } from '@/lib/tasks/deps';
import { submitGeneration } from '@/lib/tasks/submit';

const idSchema = z.uuid();

/** Validates again (never trust the client), stores the request, then sends it. */
export async function createGeneration(
  input: GenerationRequestInput,
  parentId?: string,
): Promise<ActionResult<GenerationView, FieldErrors>> {
  const auth = await authorize('generation:create');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = generationRequestSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: 'Some settings need attention.', fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const { user, team } = auth.context;
  const parent = parentId && idSchema.safeParse(parentId).success ? await getGenerationById({ id: parentId, teamId: team.teamId }) : undefined;

  const deps = trackerDeps();
  const row = await submitGeneration({ userId: user.id, teamId: team.teamId, request: parsed.data, parentId: parent?.id }, deps);
  revalidatePath('/gallery');
  return { ok: true, data: toGenerationView({ ...row, authorName: user.name }, deps.pollScale) };
}

/** Sends a stored clip's exact request again; with `newSeed`, everything but the seed. */
export async function reproduceGeneration(id: string, options: { newSeed: boolean }): Promise<ActionResult<GenerationView>> {
  const auth = await authorize('generation:create');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const { user, team } = auth.context;
  const source = idSchema.safeParse(id).success ? await getGenerationById({ id, teamId: team.teamId }) : undefined;
  if (!source) return { ok: false, error: 'That clip does not exist.' };

  const request = requestOf(source);
  const deps = trackerDeps();
  const seed = options.newSeed ? randomSeed() : request.seed;
  const row = await submitGeneration({ userId: user.id, teamId: team.teamId, request: { ...request, seed }, parentId: source.id }, deps);
  revalidatePath('/gallery');
  return { ok: true, data: toGenerationView({ ...row, authorName: user.name }, deps.pollScale) };
}
