'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getGenerationById } from '@/db/queries/generations';
import { cancelGeneration, moveQueued, moveQueuedToFront, requeueUnknown } from '@/db/queries/queue';
import { fail, ok, teamAction, type ActionResult, type Failure } from '@/lib/actions';
import { can } from '@/lib/auth/authz';
import { getEnv } from '@/lib/env';
import { requestOf, withAvailableDelivery } from '@/lib/generation/recipe';
import { fieldErrorsOf, generationRequestSchema, randomSeed, type FieldErrors, type GenerationRequestInput } from '@/lib/generation/schema';
import { expandSweep, sweepSchema } from '@/lib/generation/sweep';
import type { GenerationView } from '@/lib/generation/view';
import { resolveKeptInputs } from '@/lib/start/kept-inputs';
import { guardFor } from '@/lib/start/limits';
import { refusalMessage, sweepOverCap } from '@/lib/start/refusal-message';
import { SETTINGS_NEED_ATTENTION, startClip, startClips, type Started } from '@/lib/start/start-clips';
import { newCallbackSecret } from '@/lib/tasks/callback';
import { trackerDeps } from '@/lib/tasks/deps';
import { dispatchQueued } from '@/lib/tasks/dispatch';
import { notifyQueueMoved } from '@/lib/tasks/notify';
import { nextQueueRank } from '@/lib/tasks/submit';
import { loadView } from '@/lib/gallery/load';
import { nextPlace, nextShotProblem } from '@/lib/chains/chains';
import { log } from '@/lib/ops/log';

const NOT_FOUND = 'That clip does not exist.';
const NOT_QUEUED = 'This clip is no longer waiting in the queue; nothing was moved.';
const idSchema = z.uuid();
/** A parent that is not a well-formed id is no parent: never a reason to refuse. */
const parentIdSchema = idSchema.optional().catch(undefined);
const settingsFailure = (error: z.ZodError): Failure<FieldErrors> => fail(SETTINGS_NEED_ATTENTION, fieldErrorsOf(error as z.ZodError<GenerationRequestInput>));

const refused = (started: Exclude<Started, { ok: true }>): Failure<FieldErrors> =>
  started.kind === 'invalid' ? fail(started.message, started.fieldErrors) : fail(started.message);

/** Validates again (never trust the client), stores the request, then sends it. */
/** A shot continued from the last frame of `after`, the last shot of chain `chainId`. */
const chainLinkSchema = z.object({ chainId: idSchema, after: idSchema }).optional();
export type ChainLink = z.infer<typeof chainLinkSchema>;

export const createGeneration: (input: GenerationRequestInput, parentId?: string, chain?: ChainLink) => Promise<ActionResult<GenerationView, FieldErrors>> = teamAction(
  'generation:create',
  [generationRequestSchema, parentIdSchema, chainLinkSchema],
  async ([request, parentId, link], { user, team }) => {
    // The next shot of a chain goes to its next place, its parent the shot it continues.
    const place = link ? await nextPlace({ teamId: team.teamId, chainId: link.chainId, after: link.after }) : undefined;
    if (place && !place.ok) return fail(place.message);
    const parent = link ? await getGenerationById({ id: link.after, teamId: team.teamId }) : parentId ? await getGenerationById({ id: parentId, teamId: team.teamId }) : undefined;
    const notNext = link && parent ? nextShotProblem(request, parent) : null;
    if (notNext) return fail(notNext);
    const started = await startClip({ teamId: team.teamId, userId: user.id, request, prepare: true, parentId: parent?.id, chain: place?.place });
    if (!started.ok) return refused(started);
    revalidatePath('/gallery');
    return ok(await loadView({ ...started.row, authorName: user.name }));
  },
  settingsFailure,
);

/** Sends a stored clip's exact request again; with `newSeed`, everything but the seed. */
export const reproduceGeneration = teamAction(
  'generation:create',
  [idSchema, z.object({ newSeed: z.unknown().transform(Boolean) })],
  async ([id, options], { user, team }): Promise<ActionResult<GenerationView>> => {
    const source = await getGenerationById({ id, teamId: team.teamId });
    if (!source) return fail(NOT_FOUND);
    const seed = options.newSeed ? randomSeed() : source.seed;
    const request = withAvailableDelivery({ ...requestOf(source), seed }, Boolean(getEnv().reachableUrl));
    const resolved = await resolveKeptInputs(request, team.teamId, { preferCopy: true });
    if (!resolved.ok) return fail(resolved.message);
    const started = await startClip({ teamId: team.teamId, userId: user.id, request: resolved.request, parentId: source.id });
    if (!started.ok) return fail(started.message);
    revalidatePath('/gallery');
    return ok(await loadView({ ...started.row, authorName: user.name }));
  },
  NOT_FOUND,
);

const sweepInputSchema = z.object({ base: generationRequestSchema, sweep: sweepSchema, parentId: parentIdSchema });
export type SweepResult = ActionResult<{ sweepId: string; ids: string[]; costCents: number }, FieldErrors & { sweep?: string[] }>;

/** The base request's fields at fault, or else the sweep's own words. */
function sweepRefused(error: z.ZodError): Failure<FieldErrors & { sweep?: string[] }> {
  const base = error.issues.filter((issue) => issue.path[0] === 'base').map((issue) => ({ ...issue, path: issue.path.slice(1) }));
  if (base.length) return settingsFailure(new z.ZodError(base));
  const sweep = error.issues.map((issue) => issue.message);
  return fail(sweep[0] ?? 'That sweep is not valid.', { sweep });
}

/**
 * A seed sweep: the same request with 2–16 seeds (optionally crossed with one more axis), refused
 * before anything is stored when its estimated cost is over the team's cap per sweep.
 */
export const createSweep = teamAction(
  'generation:create',
  sweepInputSchema,
  async ({ base, sweep, parentId }, { user, team }): Promise<SweepResult> => {
    const requests = expandSweep(base, sweep, randomSeed);
    const parent = parentId ? await getGenerationById({ id: parentId, teamId: team.teamId }) : undefined;
    const sweepId = crypto.randomUUID();
    const started = await startClips({
      teamId: team.teamId,
      userId: user.id,
      requests,
      prepare: true,
      overCap: (over) => sweepOverCap(over, team.teamName),
      parentIds: requests.map(() => parent?.id),
      sweepId,
    });
    if (!started.ok) return refused(started);
    revalidatePath('/gallery');
    return ok({ sweepId, ids: started.rows.map((row) => row.id), costCents: started.costCents });
  },
  sweepRefused,
);

const queueCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('cancel'), id: z.uuid() }),
  z.object({ command: z.literal('resubmit'), id: z.uuid() }),
  z.object({ command: z.literal('move'), id: z.uuid(), direction: z.enum(['up', 'down']) }),
  z.object({ command: z.literal('front'), id: z.uuid() }),
]);
export type QueueCommand = z.input<typeof queueCommandSchema>;

/** Cancel, reorder or send next a queued clip; resubmit or dismiss (cancel) one whose sending is unconfirmed. */
export const manageQueue = teamAction(
  'generation:manage',
  queueCommandSchema,
  async (command, { team, member }): Promise<ActionResult<GenerationView>> => {
    const { teamId } = team;
    const deps = trackerDeps();
    const target = await getGenerationById({ id: command.id, teamId });
    if (!target) return fail(NOT_FOUND);
    if (!can(member, 'generation:manage', target)) return fail('You can change only clips you started.');

    let changed: boolean;
    if (command.command === 'resubmit') {
      // The first send may have been paid for: sending again is counted again, under the same limits as a new clip.
      // Charged to the clip's author (an owner may resend anyone's), so it is the author's limits that must hold.
      const guard = { ...(await guardFor({ teamId, userId: target.userId, requests: [target], now: deps.now() })), clips: 0 };
      const requeued = await requeueUnknown({ id: command.id, teamId, now: deps.now(), rank: nextQueueRank(deps.now()), callbackSecret: newCallbackSecret(), guard });
      if (!requeued.ok && requeued.refusal) return fail(refusalMessage(requeued.refusal, guard));
      changed = requeued.ok;
      if (changed) dispatchQueued(deps).catch((error: unknown) => log().error({ event: 'dispatch', err: error }, 'dispatch failed'));
    } else if (command.command === 'cancel') {
      changed = await cancelGeneration({ id: command.id, teamId, now: deps.now(), prices: getEnv().prices });
    } else if (command.command === 'front') {
      const moved = await moveQueuedToFront({ id: command.id, teamId });
      if (moved === 'not-queued') return fail(NOT_QUEUED);
      changed = moved === 'moved';
    } else {
      changed = await moveQueued({ id: command.id, teamId, direction: command.direction });
    }

    const row = await getGenerationById({ id: command.id, teamId });
    if (!row) return fail(NOT_FOUND);
    if (!changed && command.command !== 'move' && command.command !== 'front') return fail('This clip has already moved on; nothing was changed.');
    if (changed) notifyQueueMoved();
    revalidatePath('/gallery');
    return ok(await loadView(row));
  },
  'That request is not valid.',
);
