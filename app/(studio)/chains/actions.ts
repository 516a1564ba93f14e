'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fail, ok, teamAction, type ActionResult } from '@/lib/actions';
import { createShare } from '@/db/queries/shares';
import { renderIsCurrent } from '@/lib/chains/chain-shots';
import { chainShots, continueFrom, regenerateShot, renderChain } from '@/lib/chains/chains';

const idSchema = z.uuid();
const NOT_FOUND = 'That chain does not exist.';

/** Continue a finished clip: its last frame kept as a start frame, the chain made; the form then starts the next shot. */
export const continueClip = teamAction('generation:create', idSchema, async (clipId, { user, team }): Promise<ActionResult<{ chainId: string; after: string }>> => {
  const continued = await continueFrom({ teamId: team.teamId, userId: user.id, clipId });
  if (!continued.ok) return fail(continued.message);
  return ok({ chainId: continued.chainId, after: continued.from.id });
}, 'That clip does not exist.');

/** A new take of one shot (a new seed, the same start frame and settings), in the same place of the chain. */
export const regenerateChainShot = teamAction(
  'generation:create',
  [idSchema, z.number().int().min(1).max(1000)],
  async ([chainId, position], { user, team }): Promise<ActionResult<{ id: string }>> => {
    const started = await regenerateShot({ teamId: team.teamId, userId: user.id, chainId, position });
    if (!started.ok) return fail(started.message);
    revalidatePath(`/chains/${chainId}`);
    return ok({ id: started.id });
  },
  NOT_FOUND,
);

/** The chain as one MP4 (ffmpeg concat, no re-encoding), kept beside the clips. */
export const renderChainAction = teamAction('generation:create', idSchema, async (chainId, { team }): Promise<ActionResult<{ sha256: string; bytes: number }>> => {
  const rendered = await renderChain({ teamId: team.teamId, chainId });
  if (!rendered.ok) return fail(rendered.message);
  revalidatePath(`/chains/${chainId}`);
  return ok({ sha256: rendered.chain.renderSha256 ?? '', bytes: rendered.chain.renderBytes ?? 0 });
}, NOT_FOUND);

/** A public link to the chain's render (one video), with or without each shot's prompt. */
export const shareChainAction = teamAction(
  'share:manage',
  [idSchema, z.boolean()],
  async ([chainId, showRecipe], { team, user }): Promise<ActionResult<{ id: string; path: string }>> => {
    const found = await chainShots({ teamId: team.teamId, chainId });
    if (!found) return fail(NOT_FOUND);
    if (!renderIsCurrent(found.chain, found.shots)) return fail('Render the chain first: a link shares its rendered file.');
    const share = await createShare({ teamId: team.teamId, chainId, showRecipe, createdBy: user.id });
    revalidatePath(`/chains/${chainId}`);
    return ok({ id: share.id, path: `/s/${share.token}` });
  },
  NOT_FOUND,
);
