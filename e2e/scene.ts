import { expect, type APIRequestContext } from '@playwright/test';
import type { ActionResult } from '../lib/actions';
import type { GenerationView } from '../lib/generation/view';
import { makeAdministrator } from './db';
import { actions, callAction } from './server-action';

/**
 * What the page tables (a11y, screenshots) open: a team with finished clips, one with sound (a 480p draft on the
 * second model), a failed one, one in the trash, a share link, an invite.
 */
export type Scene = { clipId: string; clipIds: string[]; soundClipId: string; failedId: string; trashedId: string; shareToken: string; inviteToken: string };

const prompts = [
  'A paper boat drifting down a rain-soaked street at dusk, neon reflections',
  'Macro shot of a dandelion releasing seeds in slow motion',
  'An old lighthouse on a cliff, waves rolling in under a violet sky',
];

function expectOk<T>(result: ActionResult<T, unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} was refused: ${result.message}`);
  return result.data;
}

/** A clip through the JSON API, waited for until it is finished and our copy is saved (or, if `fails`, until it failed). */
async function finishedClip(request: APIRequestContext, prompt: string, seed: number, fails = false, settings: Record<string, string> = {}): Promise<string> {
  const created = await request.post('/api/generations', { data: { prompt, seed, ...settings } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await expect
    .poll(async () => {
      const view = (await (await request.get(`/api/generations/${id}`)).json()) as GenerationView;
      return fails ? view.state === 'failed' : view.state === 'success' && view.archived && view.sha256 !== null;
    }, { timeout: 45_000, message: `clip ${id} finished and saved` })
    .toBe(true);
  return id;
}

/** Builds the scene in the owner's current team (the owner is made the studio's administrator too). */
export async function buildScene(owner: APIRequestContext, ownerEmail: string): Promise<Scene> {
  makeAdministrator(ownerEmail);
  const clipIds = await Promise.all(prompts.map((prompt, i) => finishedClip(owner, prompt, 40 + i)));
  // No track: the second model makes its own sound.
  const soundClipId = await finishedClip(owner, 'A drummer on a rooftop at sunrise, the city waking below', 51, false, {
    model: 'wan-2-5-video',
    resolution: '480p',
    aspectRatio: '1:1',
  });
  // The emulator refuses this word (CONTENT_VIOLATION): the gallery shows a failed card too.
  const failedId = await finishedClip(owner, 'A forbidden temple in the jungle', 3, true);
  const trashedId = await finishedClip(owner, 'A clip that went to the trash: a foggy pier at dawn', 7);
  expectOk(await callAction<ActionResult<{ ids: string[] }>>(owner, actions.trashClips, [trashedId]), 'trashing a clip');
  const clipId = clipIds[0] ?? '';
  const share = expectOk(
    await callAction<ActionResult<{ path: string }>>(owner, actions.createShare, { generationId: clipId, scope: 'clip', showRecipe: true }),
    'a share link',
  );
  const invite = expectOk(await callAction<ActionResult<{ path: string }>>(owner, actions.createInvite, { role: 'viewer', maxUses: 1, expiresInDays: 1 }), 'an invite');
  return { clipId, clipIds, soundClipId, failedId, trashedId, shareToken: share.path.split('/').pop() ?? '', inviteToken: invite.path.split('/').pop() ?? '' };
}
