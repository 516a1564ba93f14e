'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getGenerationById } from '@/db/queries/generations';
import { cancelGeneration, moveQueued, requeueUnknown } from '@/db/queries/queue';
import { refusal, type ActionResult } from '@/lib/action-result';
import { can } from '@/lib/auth/authz';
import { authorize } from '@/lib/auth/session';
import { requestOf } from '@/lib/generation/recipe';
import { fieldErrorsOf, generationRequestSchema, type FieldErrors, type GenerationRequestInput } from '@/lib/generation/schema';
import { randomSeed } from '@/lib/generation/seed';
import { costCents, formatUsd } from '@/lib/generation/pricing';
import { expandSweep, sweepSchema, type SweepInput } from '@/lib/generation/sweep';
import { getEnv } from '@/lib/env';
import { guardFor, limitsFor, withinLimits } from '@/lib/spend/limits';
import { refusalMessage } from '@/lib/spend/refusal-message';
import { resolveStartImage } from '@/lib/images/resolve-start-image';
import type { GenerationView } from '@/lib/generation/view';
import { trackerDeps } from '@/lib/tasks/deps';
import { dispatchQueued } from '@/lib/tasks/dispatch';
import { prepareRequest } from '@/lib/tasks/prepare-request';
import { nextQueueRank } from '@/lib/tasks/queue-rank';
import { newCallbackSecret } from '@/lib/tasks/callback-url';
import { submitGeneration, submitGenerations } from '@/lib/tasks/submit';
import { viewOf } from '@/lib/generation/view-of';

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
  const deps = trackerDeps();
  const { user, team } = auth.context;
  const prepared = await prepareRequest(parsed.data, { teamId: team.teamId, publicUrl: deps.publicUrl });
  if (!prepared.ok) return { ok: false, error: 'Some settings need attention.', fieldErrors: prepared.fieldErrors };
  const parent = parentId && idSchema.safeParse(parentId).success ? await getGenerationById({ id: parentId, teamId: team.teamId }) : undefined;

  const submitted = await withinLimits({ teamId: team.teamId, userId: user.id, requests: [prepared.request], now: deps.now() }, (guard) =>
    submitGeneration({ userId: user.id, teamId: team.teamId, request: prepared.request, parentId: parent?.id, guard }, deps),
  );
  if (!submitted.ok) return { ok: false, error: submitted.message };
  const row = submitted.value;
  revalidatePath('/gallery');
  return { ok: true, data: await viewOf({ ...row, authorName: user.name }) };
}

/** Sends a stored clip's exact request again; with `newSeed`, everything but the seed. */
export async function reproduceGeneration(id: string, options: { newSeed: boolean }): Promise<ActionResult<GenerationView>> {
  const auth = await authorize('generation:create');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const { user, team } = auth.context;
  const source = idSchema.safeParse(id).success ? await getGenerationById({ id, teamId: team.teamId }) : undefined;
  if (!source) return { ok: false, error: 'That clip does not exist.' };

  const deps = trackerDeps();
  const seed = options.newSeed ? randomSeed() : source.seed;
  const resolved = await resolveStartImage({ ...requestOf(source), seed }, team.teamId, { preferCopy: true });
  if (!resolved.ok) return { ok: false, error: resolved.message };
  const submitted = await withinLimits({ teamId: team.teamId, userId: user.id, requests: [resolved.request], now: deps.now() }, (guard) =>
    submitGeneration({ userId: user.id, teamId: team.teamId, request: resolved.request, parentId: source.id, guard }, deps),
  );
  if (!submitted.ok) return { ok: false, error: submitted.message };
  const row = submitted.value;
  revalidatePath('/gallery');
  return { ok: true, data: await viewOf({ ...row, authorName: user.name }) };
}

export type SweepResult = ActionResult<{ sweepId: string; ids: string[]; costCents: number }, FieldErrors & { sweep?: string[] }>;

/**
 * A seed sweep: the same request with 2–16 seeds (optionally crossed with one more axis), refused
 * before anything is stored when its estimated cost is over the team's cap per sweep.
 */
export async function createSweep(input: { base: GenerationRequestInput; sweep: SweepInput; parentId?: string }): Promise<SweepResult> {
  const auth = await authorize('generation:create');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const base = generationRequestSchema.safeParse(input.base);
  if (!base.success) return { ok: false, error: 'Some settings need attention.', fieldErrors: fieldErrorsOf(base.error) };
  const sweep = sweepSchema.safeParse(input.sweep);
  if (!sweep.success) return { ok: false, error: sweep.error.issues[0]?.message ?? 'That sweep is not valid.', fieldErrors: { sweep: sweep.error.issues.map((issue) => issue.message) } };

  const deps = trackerDeps();
  const { user, team } = auth.context;
  const prepared = await prepareRequest(base.data, { teamId: team.teamId, publicUrl: deps.publicUrl });
  if (!prepared.ok) return { ok: false, error: 'Some settings need attention.', fieldErrors: prepared.fieldErrors };
  const requests = expandSweep(prepared.request, sweep.data, randomSeed);
  const env = getEnv();
  const cost = costCents(requests, env.prices);
  const budget = (await limitsFor(team.teamId)).sweepCapCents;
  if (cost > budget) {
    return {
      ok: false,
      error: `This sweep of ${requests.length} clips would cost about ${formatUsd(cost)}, over ${team.teamName}’s cap of ${formatUsd(budget)} per sweep. Use fewer seeds, 5 s or 720p.`,
    };
  }
  const parent = input.parentId && idSchema.safeParse(input.parentId).success ? await getGenerationById({ id: input.parentId, teamId: team.teamId }) : undefined;
  const sweepId = crypto.randomUUID();
  const submitted = await withinLimits({ teamId: team.teamId, userId: user.id, requests, now: deps.now() }, (guard) =>
    submitGenerations({ userId: user.id, teamId: team.teamId, requests, parentIds: requests.map(() => parent?.id), sweepId, guard }, deps),
  );
  if (!submitted.ok) return { ok: false, error: submitted.message };
  const rows = submitted.value;
  revalidatePath('/gallery');
  return { ok: true, data: { sweepId, ids: rows.map((row) => row.id), costCents: cost } };
}

const queueCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('cancel'), id: z.uuid() }),
  z.object({ command: z.literal('resubmit'), id: z.uuid() }),
  z.object({ command: z.literal('move'), id: z.uuid(), direction: z.enum(['up', 'down']) }),
]);
export type QueueCommand = z.input<typeof queueCommandSchema>;

/** Cancel or reorder a queued clip; resubmit or dismiss (cancel) one whose sending is unconfirmed. */
export async function manageQueue(input: QueueCommand): Promise<ActionResult<GenerationView>> {
  const auth = await authorize('generation:manage');
  if (!auth.ok) return { ok: false, error: refusal[auth.status] };
  const parsed = queueCommandSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'That request is not valid.' };
  const command = parsed.data;
  const { teamId } = auth.context.team;
  const deps = trackerDeps();
  const target = await getGenerationById({ id: command.id, teamId });
  if (!target) return { ok: false, error: 'That clip does not exist.' };
  if (!can(auth.context.member, 'generation:manage', target)) return { ok: false, error: 'You can change only clips you started.' };

  let changed: boolean;
  if (command.command === 'resubmit') {
    // The first send may have been paid for: sending again is counted again, under the same limits as a new clip.
    // Charged to the clip's author (an owner may resend anyone's), so it is the author's limits that must hold.
    const guard = { ...(await guardFor({ teamId, userId: target.userId, requests: [target], now: deps.now() })), clips: 0 };
    const requeued = await requeueUnknown({ id: command.id, teamId, now: deps.now(), rank: nextQueueRank(deps.now()), callbackSecret: newCallbackSecret(), guard });
    if (!requeued.ok && requeued.refusal) return { ok: false, error: refusalMessage(requeued.refusal, guard) };
    changed = requeued.ok;
    if (changed) dispatchQueued(deps).catch((error: unknown) => console.error('[dispatch]', error));
  } else if (command.command === 'cancel') {
    changed = await cancelGeneration({ id: command.id, teamId, now: deps.now(), prices: getEnv().prices });
  } else {
    changed = await moveQueued({ id: command.id, teamId, direction: command.direction });
  }

  const row = await getGenerationById({ id: command.id, teamId });
  if (!row) return { ok: false, error: 'That clip does not exist.' };
  if (!changed && command.command !== 'move') return { ok: false, error: 'This clip has already moved on; nothing was changed.' };
  revalidatePath('/gallery');
  return { ok: true, data: await viewOf(row) };
}
