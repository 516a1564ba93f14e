// A signed-in user with real clips (made through the emulator), one of them shared: what the page benchmarks open.
import { request, type APIRequestContext } from '@playwright/test';
import type { ActionResult } from '../../lib/actions';
import type { GenerationView } from '../../lib/generation/view';
import { actions, callActionAt } from '../../e2e/server-action';
import { createUser, signIn } from './studio-harness';

export type SeededStudio = { cookie: string; clipIds: string[]; sharePath: string; api: APIRequestContext };

const prompts = [
  'A paper boat drifting down a rain-soaked street at dusk, neon reflections',
  'Macro shot of a dandelion releasing seeds in slow motion',
  'An old lighthouse on a cliff, waves rolling in under a violet sky',
  'A koi pond in autumn, leaves settling on the water',
  'A night train crossing a snowy valley, warm windows',
  'A hummingbird hovering at a red flower, soft morning light',
];

async function waitFinished(api: APIRequestContext, id: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const view = (await (await api.get(`/api/generations/${id}`)).json()) as GenerationView;
    if (view.state === 'success' && view.archived) return;
    if (view.state === 'failed') throw new Error(`clip ${id} failed: ${view.failMsg ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`clip ${id} did not finish within 60 s`);
}

/** Signs a new user in, makes `count` clips through the JSON API and waits for our copies, then shares the first. */
export async function seedStudio(studioUrl: string, dataDir: string, count = prompts.length): Promise<SeededStudio> {
  const email = `bench-${Date.now()}@example.test`;
  const password = 'correct horse battery';
  await createUser(dataDir, email, password);
  const cookie = await signIn(studioUrl, email, password);
  const api = await request.newContext({ baseURL: studioUrl, extraHTTPHeaders: { cookie, origin: studioUrl } });
  const clipIds: string[] = [];
  for (const [i, prompt] of prompts.slice(0, count).entries()) {
    const response = await api.post('/api/generations', { data: { prompt, seed: 100 + i, aspectRatio: (['16:9', '9:16', '1:1'] as const)[i % 3] } });
    if (response.status() !== 201) throw new Error(`POST /api/generations: HTTP ${response.status()} ${await response.text()}`);
    clipIds.push(((await response.json()) as { id: string }).id);
  }
  for (const id of clipIds) await waitFinished(api, id);
  const share = await callActionAt<ActionResult<{ path: string }>>(studioUrl, api, actions.createShare, { generationId: clipIds[0], scope: 'clip', showRecipe: true });
  if (!share.ok) throw new Error(`sharing a clip was refused: ${share.message}`);
  return { cookie, clipIds, sharePath: share.data.path, api };
}
