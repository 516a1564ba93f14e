// The authorization matrix: every route, server action and page that touches team data, for each of
// owner, editor, viewer, a member of another team and an anonymous visitor. A new route, action or page
// that is not listed here fails the first test. Refusals must reveal nothing of team T.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/index';
import { createInstanceInvite } from '@/db/queries/instance-invites';
import { audioTracks, chains, generationTags, images, instanceInvites, invites, memberships, presets, savedViews, shares, teams, users } from '@/db/schema';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { buildSineWav } from '@/emulator/test-audio-host';
import { resetEnvForTests } from '@/lib/env';
import { makeImage } from '@/lib/images/test-images';
import { archivedClip, buildWorld, countRows, getRow, invite, personas, SECRET, share, type Persona, type World } from '@/test/authz/fixtures';

// The boundary under our control: who the session says is signed in, and the team cookie they send.
const session = vi.hoisted(() => ({ userId: null as string | null, teamCookie: undefined as string | undefined, setCookie: undefined as string | undefined }));
vi.mock('next-auth', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: '2999-01-01' } : null),
}));
vi.mock('next/headers', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  cookies: async () => ({
    get: (name: string) => (name === 'studio-team' && session.teamCookie ? { name, value: session.teamCookie } : undefined),
    set: (name: string, value: string) => {
      if (name === 'studio-team') session.setCookie = value;
    },
    delete: () => undefined,
  }),
  headers: async () => new Headers({ host: 'localhost:3000' }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const studio = await import('@/app/(studio)/actions');
const gallery = await import('@/app/(studio)/gallery/actions');
const archive = await import('@/app/(studio)/gallery/archive-actions');
const team = await import('@/app/(studio)/team/actions');
const admin = await import('@/app/(studio)/admin/actions');
const account = await import('@/app/(studio)/account/actions');
const presetActions = await import('@/app/(studio)/preset-actions');
const chainActions = await import('@/app/(studio)/chains/actions');

let world: World;
let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ timeScale: 0.005 });
  process.env.WAN_BASE_URL = emulator.apiBaseUrl;
  process.env.EMULATOR_API_KEYS = KEY_A;
  process.env.PUBLIC_URL = 'http://localhost:3000';
  world = await buildWorld();
});
afterAll(() => emulator.stop());

/** Acts as `persona`, always claiming team T in the cookie (an outsider's forged cookie must not help). */
function as(persona: Persona) {
  session.userId = persona === 'anonymous' ? null : world.users[persona].userId;
  session.teamCookie = world.teamId;
  session.setCookie = undefined;
}

type Outcome = { allowed: boolean; said: string };
type Expectation = Record<Persona, 'allow' | 'deny'>;
type Entry = { name: string; expect: Expectation; run: (persona: Persona) => Promise<Outcome> };

const members = (...allowed: Persona[]): Expectation =>
  Object.fromEntries(personas.map((persona) => [persona, allowed.includes(persona) ? 'allow' : 'deny'])) as Expectation;
const everyone = members(...personas);
const nobody = members();

const url = (pathname: string) => `http://localhost:3000${pathname}`;
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

async function http(response: Response, allowed: (response: Response, text: string) => boolean): Promise<Outcome> {
  const buffer = Buffer.from(await response.arrayBuffer());
  const text = response.headers.get('content-type')?.startsWith('application/json') ? buffer.toString('utf8') : `<${buffer.length} bytes>`;
  return { allowed: allowed(response, buffer.toString('latin1')), said: `${response.status} ${text}` };
}

const ok = (response: Response) => response.status >= 200 && response.status < 300;
const showsT = (response: Response, text: string) => ok(response) && text.includes(SECRET);

/** Server actions answer with data; an allowed one changed something of team T (checked in the database). */
async function action(work: () => Promise<unknown>, changed: () => boolean): Promise<Outcome> {
  const result = await work();
  return { allowed: changed(), said: JSON.stringify(result) };
}

/** Pages: allowed when they render T's data (or `marker`); refusals are a redirect to sign-in or a plain not-found. */
async function page(render: () => Promise<unknown>, marker = SECRET): Promise<Outcome> {
  try {
    const seen = new WeakSet<object>();
    const tree = JSON.stringify(await render(), (_key, value: unknown) => {
      if (typeof value === 'function') return undefined;
      if (value && typeof value === 'object') {
        if (seen.has(value)) return undefined;
        seen.add(value);
      }
      return value;
    });
    const at = tree.indexOf(marker);
    return { allowed: at >= 0, said: at >= 0 ? tree.slice(Math.max(0, at - 200), at + 60) : 'rendered' };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? String(error);
    if (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return { allowed: false, said: digest.split(';').slice(0, 3).join(';') };
    throw error;
  }
}

// Outsiders aim at a clip of T made by its owner; members at one they made themselves.
const outsider = (persona: Persona) => persona === 'anonymous' || persona === 'other team' || persona === 'admin';
const byPersona = (persona: Persona) => (outsider(persona) ? world.users.owner : world.users[persona]);
const fresh = (values = {}) => archivedClip(world.users.editor, world.video, values);
let shotVideo: Buffer | undefined;
/** A clip big enough for its last frame to be kept as a start frame (at least 128 px a side, as the emulator's are). */
const shot = (values = {}) => {
  if (!shotVideo) {
    const file = path.join(process.env.DATA_DIR ?? '', 'shot-sample.mp4');
    const ffmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    execFileSync(ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=teal:s=320x180:d=1:r=10', '-pix_fmt', 'yuv420p', '-y', file]);
    shotVideo = fs.readFileSync(file);
  }
  return archivedClip(world.users.editor, shotVideo, values);
};
/** A chain of T with two finished shots, made by its editor. */
async function chainOfTwo(): Promise<string> {
  const chainId = crypto.randomUUID();
  getDb().insert(chains).values({ id: chainId, teamId: world.teamId, userId: world.users.editor.userId }).run();
  const first = await shot({ chainId, chainPosition: 1 });
  await shot({ chainId, chainPosition: 2, parentId: first.id });
  return chainId;
}
/** The same, rendered to one file already. */
async function renderedChain(): Promise<string> {
  const chainId = await chainOfTwo();
  const { renderChain } = await import('@/lib/chains/chains');
  const rendered = await renderChain({ teamId: world.teamId, chainId });
  if (!rendered.ok) throw new Error(rendered.message);
  return chainId;
}

const routes: Entry[] = [
  {
    name: 'GET /api/generations/[id]',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => http(await (await import('@/app/api/generations/[id]/route')).GET(new Request(url('/')), params({ id: world.clip.id })), showsT),
  },
  {
    name: 'GET /api/generations/[id]/video',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => http(await (await import('@/app/api/generations/[id]/video/route')).GET(new Request(url('/')), params({ id: world.clip.id })), ok),
  },
  {
    name: 'GET /api/generations/[id]/poster',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => http(await (await import('@/app/api/generations/[id]/poster/route')).GET(new Request(url('/')), params({ id: world.clip.id })), ok),
  },
  {
    name: 'POST /api/generations',
    expect: members('owner', 'editor'),
    run: async () => {
      const before = countRows(world.teamId);
      const request = new Request(url('/api/generations'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'via the JSON API' }) });
      return http(await (await import('@/app/api/generations/route')).POST(request), (response) => response.status === 201 && countRows(world.teamId) === before + 1);
    },
  },
  {
    name: 'GET /api/generations/watch',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => http(await (await import('@/app/api/generations/watch/route')).GET(new Request(url(`/api/generations/watch?w=${world.clip.id}~stale&wait=0`))), (response, text) => ok(response) && text.includes(world.clip.id)),
  },
  {
    name: 'GET /api/generations/activity',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => {
      const queued = await fresh({ state: 'queued', archivePath: null, archivedAt: null });
      const response = await (await import('@/app/api/generations/activity/route')).GET(new Request(url('/api/generations/activity?scope=team')));
      return http(response, (answer, text) => ok(answer) && text.includes(queued.id));
    },
  },
  {
    name: 'GET /api/generations/quota',
    expect: members('owner', 'editor'),
    run: async () => http(await (await import('@/app/api/generations/quota/route')).GET(), (response, text) => ok(response) && text.includes(world.teamId) && text.includes('"left"')),
  },
  {
    // The studio's one key: its balance and the credit pause hold no team data, so anyone who may generate in
    // their own team (the other team's owner, the administrator's team) sees them; a viewer or nobody does not.
    name: 'GET /api/wan/credit',
    expect: members('owner', 'editor', 'other team', 'admin'),
    run: async () => http(await (await import('@/app/api/wan/credit/route')).GET(), (response, text) => ok(response) && text.includes('"sendingPaused"')),
  },
  {
    name: 'POST /api/images',
    expect: members('owner', 'editor'),
    run: async () => {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(makeImage({ format: 'png', width: 320, height: 180, color: 'red' }))], 'frame.png', { type: 'image/png' }));
      const response = await (await import('@/app/api/images/route')).POST(new Request(url('/api/images'), { method: 'POST', body: form }));
      const id = response.status === 201 ? ((await response.clone().json()) as { id: string }).id : undefined;
      return http(response, () => id !== undefined && getDb().select().from(images).where(and(eq(images.id, id), eq(images.teamId, world.teamId))).get() !== undefined);
    },
  },
  {
    name: 'POST /api/audio',
    expect: members('owner', 'editor'),
    run: async () => {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(buildSineWav(4))], 'voice.wav', { type: 'audio/wav' }));
      const response = await (await import('@/app/api/audio/route')).POST(new Request(url('/api/audio'), { method: 'POST', body: form }));
      const id = response.status === 201 ? ((await response.clone().json()) as { id: string }).id : undefined;
      return http(response, () => id !== undefined && getDb().select().from(audioTracks).where(and(eq(audioTracks.id, id), eq(audioTracks.teamId, world.teamId))).get() !== undefined);
    },
  },
  {
    name: 'GET /api/gallery',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => http(await (await import('@/app/api/gallery/route')).GET(new Request(url('/api/gallery'))), showsT),
  },
  {
    name: 'GET /api/gallery/stack',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => http(await (await import('@/app/api/gallery/stack/route')).GET(new Request(url(`/api/gallery/stack?key=${world.clip.stackKey}`))), showsT),
  },
  {
    name: 'GET /api/gallery/export',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => http(await (await import('@/app/api/gallery/export/route')).GET(new Request(url(`/api/gallery/export?ids=${world.clip.id}`))), showsT),
  },
  {
    name: 'POST /api/gallery/export',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => {
      const form = new FormData();
      form.set('ids', world.clip.id);
      return http(await (await import('@/app/api/gallery/export/route')).POST(new Request(url('/api/gallery/export'), { method: 'POST', body: form })), showsT);
    },
  },
  {
    // Re-creates a clip from an export zip; an outsider's import lands in their own team, never in T.
    name: 'POST /api/gallery/import',
    expect: members('owner', 'editor'),
    run: async () => {
      const { exportZip } = await import('@/lib/export/export-clips');
      const { listGenerationsByIds } = await import('@/db/queries/generations');
      // A video of its own, in the trash: an import skips clips whose video the gallery already holds.
      const clip = await archivedClip(world.users.editor, Buffer.concat([world.video, Buffer.from(crypto.randomUUID())]), { prompt: 'an imported clip', deletedAt: new Date() });
      const zip = Buffer.from(await new Response(exportZip(await listGenerationsByIds({ ids: [clip.id], teamId: world.teamId }), new Date())).arrayBuffer());
      const before = countRows(world.teamId);
      const request = new Request(url('/api/gallery/import'), { method: 'POST', body: zip, headers: { 'content-type': 'application/zip', 'content-length': String(zip.length) } });
      return http(await (await import('@/app/api/gallery/import/route')).POST(request), (response) => response.status === 201 && countRows(world.teamId) === before + 1);
    },
  },
  {
    // The preview shows team T's own cap per batch (set to a figure only T has); an outsider's is their own team's.
    name: 'POST /api/batches/preview',
    expect: members('owner', 'editor'),
    run: async () => {
      getDb().update(teams).set({ sweepBudgetCents: 777 }).where(eq(teams.id, world.teamId)).run();
      const request = new Request(url('/api/batches/preview?format=csv'), { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'prompt\na batch row\n' });
      return http(await (await import('@/app/api/batches/preview/route')).POST(request), (response, text) => response.status === 200 && text.includes('"capCents":777'));
    },
  },
  {
    name: 'POST /api/batches',
    expect: members('owner', 'editor'),
    run: async () => {
      const before = countRows(world.teamId);
      const request = new Request(url('/api/batches?format=csv'), { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'prompt\na batch row\n' });
      return http(await (await import('@/app/api/batches/route')).POST(request), (response) => response.status === 201 && countRows(world.teamId) === before + 1);
    },
  },
  {
    name: 'GET /api/batches/[id]/csv',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => {
      const batchId = crypto.randomUUID();
      await fresh({ batchId, batchRow: 1, prompt: `${SECRET} in a batch` });
      return http(await (await import('@/app/api/batches/[id]/csv/route')).GET(new Request(url(`/api/batches/${batchId}/csv`)), params({ id: batchId })), showsT);
    },
  },
  {
    name: 'GET /api/chains/[id]/video',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => {
      const chainId = await renderedChain();
      return http(await (await import('@/app/api/chains/[id]/video/route')).GET(new Request(url(`/api/chains/${chainId}/video`)), params({ id: chainId })), ok);
    },
  },
  {
    name: 'GET /api/presets',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => {
      getDb().insert(presets).values({ id: crypto.randomUUID(), teamId: world.teamId, userId: world.users.owner.userId, kind: 'setup', name: `${SECRET} ${crypto.randomUUID()}`, shared: true, settings: {} }).run();
      return http(await (await import('@/app/api/presets/route')).GET(), showsT);
    },
  },
  {
    // A member's own prompts: each persona asks after making one (outsiders aim at the owner's).
    name: 'GET /api/prompts/history',
    expect: members('owner', 'editor', 'viewer'),
    run: async (persona) => {
      await archivedClip(byPersona(persona), world.video, { prompt: `${SECRET} history of ${persona}` });
      return http(await (await import('@/app/api/prompts/history/route')).GET(new Request(url('/api/prompts/history?q='))), showsT);
    },
  },
  {
    // The service's webhook: authorized by the per-task secret, not a session. A guessed one is a 404.
    name: 'POST /api/wan/callback/[secret] (guessed secret)',
    expect: nobody,
    run: async () => {
      const body = JSON.stringify({ code: 200, data: { taskId: world.clip.taskId ?? 'x', state: 'success', resultJson: '{"resultUrls":["https://x/y.mp4"]}' } });
      const response = await (await import('@/app/api/wan/callback/[secret]/route')).POST(new Request(url('/'), { method: 'POST', body }), params({ secret: `${world.clip.id}.${'a'.repeat(64)}` }));
      return http(response, ok);
    },
  },
  {
    // A member's own usage in T: a clip of T they started failed with a code carrying the marker.
    name: 'GET /api/usage',
    expect: members('owner', 'editor', 'viewer'),
    run: async (persona) => {
      await archivedClip(byPersona(persona), world.video, { state: 'failed', failCode: SECRET, taskId: crypto.randomUUID() });
      return http(await (await import('@/app/api/usage/route')).GET(new Request(url('/api/usage?period=7'))), showsT);
    },
  },
  {
    // The whole team's usage (every member's clips, by person) is for owners; others get a 403 naming nothing of T.
    name: 'GET /api/usage (team scope)',
    expect: members('owner'),
    run: async () => {
      await archivedClip(world.users.editor, world.video, { state: 'failed', failCode: SECRET, taskId: crypto.randomUUID() });
      return http(await (await import('@/app/api/usage/route')).GET(new Request(url('/api/usage?scope=team'))), showsT);
    },
  },
  {
    // Start frames are public by unguessable name (the service fetches them); a guessed name is a 404.
    name: 'GET /i/[name] (guessed name)',
    expect: nobody,
    run: async () => http(await (await import('@/app/i/[name]/route')).GET(new Request(url('/')), params({ name: `${'b'.repeat(32)}.png` })), ok),
  },
  {
    name: 'GET /a/[name] (guessed name)',
    expect: nobody,
    run: async () => http(await (await import('@/app/a/[name]/route')).GET(new Request(url('/')), params({ name: `${'b'.repeat(22)}.wav` })), ok),
  },
  // For load balancers and scrapers: health and readiness say nothing about anyone's data; metrics need their token.
  { name: 'GET /api/health', expect: everyone, run: async () => http(await (await import('@/app/api/health/route')).GET(), ok) },
  { name: 'GET /api/ready', expect: everyone, run: async () => http(await (await import('@/app/api/ready/route')).GET(new Request(url('/api/ready'))), ok) },
  {
    name: 'GET /api/metrics (no token, with METRICS_TOKEN set)',
    expect: nobody,
    run: async () => {
      process.env.METRICS_TOKEN = 'metrics-token-for-the-matrix-0123';
      resetEnvForTests();
      try {
        return http(await (await import('@/app/api/metrics/route')).GET(new Request(url('/api/metrics'))), ok);
      } finally {
        delete process.env.METRICS_TOKEN;
        resetEnvForTests();
      }
    },
  },
  ...(['video', 'poster'] as const).flatMap((kind): Entry[] => [
    {
      name: `GET /s/[token]/${kind} (live link)`,
      expect: everyone,
      run: async () => {
        const { GET } = kind === 'video' ? await import('@/app/s/[token]/video/route') : await import('@/app/s/[token]/poster/route');
        const link = await share(world, world.clip);
        return http(await GET(new Request(url('/')), params({ token: link.token })), ok);
      },
    },
    {
      name: `GET /s/[token]/${kind} (revoked link)`,
      expect: nobody,
      run: async () => {
        const { GET } = kind === 'video' ? await import('@/app/s/[token]/video/route') : await import('@/app/s/[token]/poster/route');
        const link = await share(world, world.clip);
        getDb().update(shares).set({ revokedAt: new Date() }).where(eq(shares.id, link.id)).run();
        return http(await GET(new Request(url('/')), params({ token: link.token })), ok);
      },
    },
  ]),
];

const rowsAdded = async (work: () => Promise<unknown>) => {
  const before = countRows(world.teamId);
  return action(work, () => countRows(world.teamId) > before);
};
const tagged = (id: string, tag: string) => getDb().select().from(generationTags).where(and(eq(generationTags.generationId, id), eq(generationTags.tag, tag))).get() !== undefined;
const roleOf = (userId: string) => getDb().select().from(memberships).where(and(eq(memberships.teamId, world.teamId), eq(memberships.userId, userId))).get()?.role;
const teamName = () => getDb().select().from(teams).where(eq(teams.id, world.teamId)).get()?.name ?? '';

const presetNamed = (name: string) => getDb().select().from(presets).where(and(eq(presets.teamId, world.teamId), eq(presets.name, name))).get();
function insertPreset(userId: string, shared: boolean): string {
  const id = crypto.randomUUID();
  getDb().insert(presets).values({ id, teamId: world.teamId, userId, kind: 'setup', name: id, shared, settings: { prompt: SECRET } }).run();
  return id;
}

/** Someone who is only here to be removed or promoted, so the personas' own roles never change. */
async function extraMember(): Promise<string> {
  const { createOwner } = await import('@/test/fixtures');
  const extra = await createOwner(`extra-${crypto.randomUUID()}@t.test`);
  getDb().insert(memberships).values({ teamId: world.teamId, userId: extra.userId, role: 'viewer' }).run();
  return extra.userId;
}

const actions: Entry[] = [
  { name: 'createGeneration', expect: members('owner', 'editor'), run: () => rowsAdded(() => studio.createGeneration({ prompt: 'a new one' })) },
  { name: 'reproduceGeneration', expect: members('owner', 'editor'), run: () => rowsAdded(() => studio.reproduceGeneration(world.clip.id, { newSeed: false })) },
  {
    // Continuing makes the chain and keeps the last frame: an allowed call starts T's chain from T's clip.
    name: 'continueClip',
    expect: members('owner', 'editor'),
    run: async () => {
      const clip = await shot();
      return action(() => chainActions.continueClip(clip.id), () => getRow(clip.id)?.chainId !== null);
    },
  },
  {
    name: 'regenerateChainShot',
    expect: members('owner', 'editor'),
    run: async () => {
      const chainId = await chainOfTwo();
      return rowsAdded(() => chainActions.regenerateChainShot(chainId, 2));
    },
  },
  {
    name: 'renderChainAction',
    expect: members('owner', 'editor'),
    run: async () => {
      const chainId = await chainOfTwo();
      return action(() => chainActions.renderChainAction(chainId), () => getDb().select().from(chains).where(eq(chains.id, chainId)).get()?.renderKey !== null);
    },
  },
  {
    name: 'shareChainAction',
    expect: members('owner', 'editor'),
    run: async () => {
      const chainId = await renderedChain();
      return action(() => chainActions.shareChainAction(chainId, true), () => getDb().select().from(shares).where(eq(shares.chainId, chainId)).get() !== undefined);
    },
  },
  { name: 'createSweep', expect: members('owner', 'editor'), run: () => rowsAdded(() => studio.createSweep({ base: { prompt: 'sweep' }, sweep: { seeds: { kind: 'next', from: 1, count: 2 } } })) },
  {
    name: 'manageQueue (a clip the caller started)',
    expect: members('owner', 'editor'),
    run: async (persona) => {
      const queued = await archivedClip(byPersona(persona), world.video, { state: 'queued', archivePath: null, queueRank: 1 });
      return action(() => studio.manageQueue({ command: 'cancel', id: queued.id }), () => getRow(queued.id)?.state === 'cancelled');
    },
  },
  {
    name: 'manageQueue (someone else’s clip)',
    expect: members('owner'),
    run: async (persona) => {
      const queued = await archivedClip(persona === 'owner' ? world.users.editor : world.users.owner, world.video, { state: 'queued', archivePath: null, queueRank: 1 });
      return action(() => studio.manageQueue({ command: 'cancel', id: queued.id }), () => getRow(queued.id)?.state === 'cancelled');
    },
  },
  {
    name: 'manageQueue front (someone else’s clip)',
    expect: members('owner'),
    run: async (persona) => {
      const author = persona === 'owner' ? world.users.editor : world.users.owner;
      await archivedClip(author, world.video, { state: 'queued', archivePath: null, queueRank: 1 });
      const last = await archivedClip(author, world.video, { state: 'queued', archivePath: null, queueRank: 1_000 });
      return action(() => studio.manageQueue({ command: 'front', id: last.id }), () => getRow(last.id)?.queueRank !== 1_000);
    },
  },
  {
    name: 'favoriteClips',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => {
      const clip = await fresh();
      return action(() => gallery.favoriteClips([clip.id], true), () => getRow(clip.id)?.favorite === true);
    },
  },
  {
    name: 'tagClips',
    expect: members('owner', 'editor'),
    run: async () => {
      const clip = await fresh();
      return action(() => gallery.tagClips([clip.id], ['hero']), () => tagged(clip.id, 'hero'));
    },
  },
  {
    name: 'untagClips',
    expect: members('owner', 'editor'),
    run: async () => {
      const clip = await fresh();
      getDb().insert(generationTags).values({ generationId: clip.id, teamId: world.teamId, tag: 'hero' }).run();
      return action(() => gallery.untagClips([clip.id], 'hero'), () => !tagged(clip.id, 'hero'));
    },
  },
  {
    name: 'trashClips (a clip the caller made)',
    expect: members('owner', 'editor'),
    run: async (persona) => {
      const clip = await archivedClip(byPersona(persona), world.video);
      return action(() => gallery.trashClips([clip.id]), () => getRow(clip.id)?.deletedAt !== null);
    },
  },
  {
    name: 'trashClips (someone else’s clip)',
    expect: members('owner'),
    run: async (persona) => {
      const clip = await archivedClip(persona === 'owner' ? world.users.editor : world.users.owner, world.video);
      return action(() => gallery.trashClips([clip.id]), () => getRow(clip.id)?.deletedAt !== null);
    },
  },
  {
    name: 'restoreClips (someone else’s clip)',
    expect: members('owner'),
    run: async (persona) => {
      const clip = await archivedClip(persona === 'owner' ? world.users.editor : world.users.owner, world.video, { deletedAt: new Date() });
      return action(() => gallery.restoreClips([clip.id]), () => getRow(clip.id)?.deletedAt === null);
    },
  },
  {
    name: 'retryArchive',
    expect: members('owner', 'editor'),
    run: async () => {
      // 203.0.113.1 is refused at once by the address policy: no network, but the attempt is counted.
      const clip = await fresh({
        archivedAt: null,
        archivePath: null,
        resultUrls: ['https://203.0.113.1/x.mp4'],
        archiveAttempts: 1,
        archiveError: 'The link answered HTTP 503',
        archiveNextAt: new Date(Date.now() + 3_600_000),
      });
      return action(() => archive.retryArchive(clip.id), () => (getRow(clip.id)?.archiveAttempts ?? 0) > 1);
    },
  },
  {
    name: 'emptyTrash',
    expect: members('owner'),
    run: async () => {
      const clip = await fresh({ deletedAt: new Date() });
      return action(() => gallery.emptyTrash(), () => getRow(clip.id) === undefined);
    },
  },
  {
    name: 'saveGalleryView',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => {
      const name = `view ${crypto.randomUUID()}`;
      return action(() => gallery.saveGalleryView({ name, query: 'q=fox' }), () => getDb().select().from(savedViews).where(and(eq(savedViews.teamId, world.teamId), eq(savedViews.name, name))).get() !== undefined);
    },
  },
  {
    name: 'deleteGalleryView (the owner’s view)',
    expect: members('owner'),
    run: async () => {
      const id = crypto.randomUUID();
      getDb().insert(savedViews).values({ id, teamId: world.teamId, userId: world.users.owner.userId, name: id, query: '' }).run();
      return action(() => gallery.deleteGalleryView(id), () => getDb().select().from(savedViews).where(eq(savedViews.id, id)).get() === undefined);
    },
  },
  ...([false, true] as const).map((shared): Entry => ({
    name: `savePreset (${shared ? 'shared with the team' : 'personal'})`,
    expect: members('owner', 'editor'),
    run: async () => {
      const name = `preset ${crypto.randomUUID()}`;
      return action(() => presetActions.savePreset({ kind: 'negative', name, shared, settings: { negativePrompt: 'blurry' } }), () => presetNamed(name)?.shared === shared);
    },
  })),
  {
    name: 'renamePreset (one the editor shared)',
    expect: members('owner', 'editor'),
    run: async () => {
      const id = insertPreset(world.users.editor.userId, true);
      const name = `renamed ${crypto.randomUUID()}`;
      return action(() => presetActions.renamePreset({ id, name }), () => presetNamed(name)?.id === id);
    },
  },
  {
    // Personal presets are their author's alone: nobody else renames one, an owner included.
    name: 'renamePreset (someone else’s personal one)',
    expect: nobody,
    run: async (persona) => {
      const id = insertPreset(persona === 'owner' ? world.users.editor.userId : world.users.owner.userId, false);
      const name = `renamed ${crypto.randomUUID()}`;
      return action(() => presetActions.renamePreset({ id, name }), () => presetNamed(name)?.id === id);
    },
  },
  {
    name: 'deletePreset (one the owner shared)',
    expect: members('owner'),
    run: async () => {
      const id = insertPreset(world.users.owner.userId, true);
      return action(() => presetActions.deletePreset(id), () => getDb().select().from(presets).where(eq(presets.id, id)).get() === undefined);
    },
  },
  {
    name: 'importRecipes',
    expect: members('owner', 'editor'),
    run: () => {
      const recipe = { mode: 'text-to-video', prompt: 'imported', resolution: '720p', aspectRatio: '16:9', duration: 5, seed: 3, enablePromptExpansion: true, provider: 'auto', requestType: 'async' };
      const file = { format: 'wan-studio.recipes', version: 1, exportedAt: new Date().toISOString(), clips: [{ id: crypto.randomUUID(), file: null, sha256: null, createdAt: new Date().toISOString(), author: 'x', recipe, parentId: null }] };
      return rowsAdded(() => gallery.importRecipes(JSON.stringify(file)));
    },
  },
  {
    name: 'switchTeam',
    expect: members('owner', 'editor', 'viewer'),
    run: () => action(() => team.switchTeam(world.teamId), () => session.setCookie === world.teamId),
  },
  {
    // A preference of one's own account, touching no team: anyone signed in; signed out changes no one's.
    name: 'setThemeAction',
    expect: members('owner', 'editor', 'viewer', 'other team', 'admin'),
    run: async (persona) => {
      const darkBefore = getDb().select().from(users).where(eq(users.theme, 'dark')).all().length;
      return action(() => account.setThemeAction('dark'), () => {
        const darkNow = getDb().select().from(users).where(eq(users.theme, 'dark')).all().length;
        const mine = persona === 'anonymous' ? undefined : getDb().select().from(users).where(eq(users.id, world.users[persona].userId)).get();
        return darkNow > darkBefore && mine?.theme === 'dark';
      });
    },
  },
  {
    // Creating a team touches no existing team: anyone signed in may, and becomes its owner.
    name: 'createTeamAction',
    expect: members('owner', 'editor', 'viewer', 'other team', 'admin'),
    run: async (persona) => {
      const name = `new ${crypto.randomUUID()}`;
      return action(() => team.createTeamAction(name), () => {
        const created = getDb().select().from(teams).where(eq(teams.name, name)).get();
        return created !== undefined && persona !== 'anonymous' && roleOfIn(created.id, world.users[persona].userId) === 'owner';
      });
    },
  },
  {
    name: 'updateTeamSettings',
    expect: members('owner'),
    run: async () => {
      // A name without the marker: an outsider renames their own team here, which must not look like T's.
      const original = teamName();
      const name = `renamed ${crypto.randomUUID().slice(0, 4)}`;
      const outcome = await action(() => team.updateTeamSettings({ name, sweepBudgetUsd: '', hourlyQuota: '', dailyBudgetUsd: '' }, world.teamId), () => teamName() === name);
      getDb().update(teams).set({ name: original }).where(eq(teams.id, world.teamId)).run();
      return outcome;
    },
  },
  {
    name: 'changeMemberRole',
    expect: members('owner'),
    run: async () => {
      const extra = await extraMember();
      return action(() => team.changeMemberRole(extra, 'editor'), () => roleOf(extra) === 'editor');
    },
  },
  {
    name: 'removeMember',
    expect: members('owner'),
    run: async () => {
      const extra = await extraMember();
      return action(() => team.removeMember(extra), () => roleOf(extra) === undefined);
    },
  },
  {
    name: 'createInviteAction',
    expect: members('owner'),
    run: async () => {
      const before = getDb().select().from(invites).where(eq(invites.teamId, world.teamId)).all().length;
      return action(() => team.createInviteAction({ role: 'editor', expiresInDays: 7, maxUses: 1 }), () => getDb().select().from(invites).where(eq(invites.teamId, world.teamId)).all().length > before);
    },
  },
  {
    name: 'revokeInviteAction',
    expect: members('owner'),
    run: async () => {
      const { invite: made } = await invite(world, 'viewer');
      return action(() => team.revokeInviteAction(made.id), () => getDb().select().from(invites).where(eq(invites.id, made.id)).get()?.revokedAt !== null);
    },
  },
  {
    name: 'createShareAction',
    expect: members('owner', 'editor'),
    run: async () => {
      const clip = await fresh();
      return action(() => team.createShareAction({ generationId: clip.id, scope: 'clip', showRecipe: true }), () => getDb().select().from(shares).where(eq(shares.generationId, clip.id)).get() !== undefined);
    },
  },
  {
    name: 'revokeShareAction',
    expect: members('owner', 'editor'),
    run: async () => {
      const link = await share(world, world.clip);
      return action(() => team.revokeShareAction(link.id), () => getDb().select().from(shares).where(eq(shares.id, link.id)).get()?.revokedAt !== null);
    },
  },
  ...(
    [
      ['expired', { expiresInMs: -1 }],
      ['used up', { maxUses: 0 }],
      ['revoked', {}],
    ] as const
  ).map(([kind, options]): Entry => ({
    name: `acceptInviteAction (${kind} invite)`,
    expect: nobody,
    run: async (persona) => {
      const { invite: made, token } = await invite(world, 'owner', options);
      if (kind === 'revoked') getDb().update(invites).set({ revokedAt: new Date() }).where(eq(invites.id, made.id)).run();
      const joiner = persona === 'other team' || persona === 'admin' ? world.users[persona].userId : undefined;
      return action(() => team.acceptInviteAction(token), () => joiner !== undefined && roleOf(joiner) !== undefined);
    },
  })),
  {
    // Run last among the invites: the outsider joins T here, and is taken out again at once.
    name: 'acceptInviteAction (valid invite: joins T)',
    expect: members('other team', 'admin'),
    run: async (persona) => {
      const { token } = await invite(world, 'viewer');
      const joiner = persona === 'other team' || persona === 'admin' ? world.users[persona].userId : undefined;
      const outcome = await action(() => team.acceptInviteAction(token), () => joiner !== undefined && roleOf(joiner) === 'viewer');
      if (joiner) getDb().delete(memberships).where(and(eq(memberships.teamId, world.teamId), eq(memberships.userId, joiner))).run();
      return outcome;
    },
  },
  {
    // Leaving is for members, and never for the last owner; whoever left is put back for the next rows.
    name: 'leaveTeam',
    expect: members('editor', 'viewer'),
    run: async (persona) => {
      const userId = persona === 'anonymous' ? undefined : world.users[persona].userId;
      const role = userId ? roleOf(userId) : undefined;
      const outcome = await action(() => team.leaveTeam(), () => role !== undefined && userId !== undefined && roleOf(userId) === undefined);
      if (userId && role && roleOf(userId) === undefined) getDb().insert(memberships).values({ teamId: world.teamId, userId, role }).run();
      return outcome;
    },
  },
  // The instance administrator's own actions: nobody else, however senior in their team.
  {
    name: 'createInstanceInviteAction',
    expect: members('admin'),
    run: async () => {
      const before = getDb().select().from(instanceInvites).all().length;
      return action(() => admin.createInstanceInviteAction({ expiresInDays: 7, maxUses: 3 }), () => getDb().select().from(instanceInvites).all().length > before);
    },
  },
  {
    name: 'revokeInstanceInviteAction',
    expect: members('admin'),
    run: async () => {
      const { invite: made } = await createInstanceInvite({ expiresAt: new Date(Date.now() + 86_400_000), maxUses: 1, createdBy: world.users.admin.userId });
      return action(() => admin.revokeInstanceInviteAction(made.id), () => getDb().select().from(instanceInvites).where(eq(instanceInvites.id, made.id)).get()?.revokedAt !== null);
    },
  },
];

function roleOfIn(teamId: string, userId: string) {
  return getDb().select().from(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId))).get()?.role;
}

const search = (value: Record<string, string> = {}) => ({ searchParams: Promise.resolve(value) });

const pages: Entry[] = [
  { name: 'page /', expect: members('owner', 'editor', 'viewer'), run: async () => page(async () => (await import('@/app/(studio)/page')).default(search())) },
  { name: 'page /gallery', expect: members('owner', 'editor', 'viewer'), run: async () => page(async () => (await import('@/app/(studio)/gallery/page')).default(search())) },
  { name: 'page /chains/[id]', expect: members('owner', 'editor', 'viewer'), run: async () => page(async () => (await import('@/app/(studio)/chains/[id]/page')).default(params({ id: await chainOfTwo() }))) },
  { name: 'page /gallery/[id]', expect: members('owner', 'editor', 'viewer'), run: async () => page(async () => (await import('@/app/(studio)/gallery/[id]/page')).default(params({ id: world.clip.id }))) },
  {
    name: 'page /gallery/trash',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => {
      await fresh({ deletedAt: new Date() });
      return page(async () => (await import('@/app/(studio)/gallery/trash/page')).default());
    },
  },
  { name: 'page /gallery/import', expect: members('owner', 'editor', 'viewer'), run: async () => page(async () => ({ rendered: await (await import('@/app/(studio)/gallery/import/page')).default(), team: await teamOfContext() })) },
  { name: 'page /batch', expect: members('owner', 'editor', 'viewer'), run: async () => page(async () => ({ rendered: await (await import('@/app/(studio)/batch/page')).default(), team: await teamOfContext() })) },
  {
    name: 'page /compare',
    expect: members('owner', 'editor', 'viewer'),
    run: async () => {
      const second = await fresh();
      return page(async () => (await import('@/app/(studio)/compare/page')).default(search({ ids: `${world.clip.id},${second.id}` })));
    },
  },
  { name: 'page /team', expect: members('owner', 'editor', 'viewer'), run: async () => page(async () => (await import('@/app/(studio)/team/page')).default()) },
  {
    name: 'page /invite/[token] (valid invite)',
    expect: members('owner', 'editor', 'viewer', 'other team', 'admin'),
    run: async () => {
      const { token } = await invite(world, 'viewer');
      return page(async () => (await import('@/app/invite/[token]/page')).default(params({ token })));
    },
  },
  {
    name: 'page /invite/[token] (expired invite)',
    expect: nobody,
    run: async () => {
      const { token } = await invite(world, 'viewer', { expiresInMs: -1 });
      return page(async () => (await import('@/app/invite/[token]/page')).default(params({ token })));
    },
  },
  {
    name: 'page /s/[token] (live link)',
    expect: everyone,
    run: async () => {
      const link = await share(world, world.clip);
      return page(async () => (await import('@/app/s/[token]/page')).default(params({ token: link.token })));
    },
  },
  {
    name: 'page /s/[token] (revoked link)',
    expect: nobody,
    run: async () => {
      const link = await share(world, world.clip);
      getDb().update(shares).set({ revokedAt: new Date() }).where(eq(shares.id, link.id)).run();
      return page(async () => (await import('@/app/s/[token]/page')).default(params({ token: link.token })));
    },
  },
  { name: 'page /usage', expect: members('owner', 'editor', 'viewer'), run: async () => page(async () => (await import('@/app/(studio)/usage/page')).default(search())) },
  {
    // The page offers the team view only to owners (the route refuses it to others, above).
    name: 'page /usage (team view)',
    expect: members('owner'),
    run: async () =>
      page(async () => {
        const rendered = JSON.stringify(await (await import('@/app/(studio)/usage/page')).default(search({ scope: 'team' })));
        return rendered.includes('"canSeeTeam":true') ? { team: await teamOfContext() } : {};
      }),
  },
  // Marked by its title: the page shows no team data, and for anyone but the administrator it does not exist.
  { name: 'page /admin', expect: members('admin'), run: async () => page(async () => (await import('@/app/(studio)/admin/page')).default(), 'admin-title') },
];

/** The import page shows no team data itself; what it may do is decided by the context it loads. */
async function teamOfContext() {
  const { getStudioContext } = await import('@/lib/auth/session');
  return (await getStudioContext())?.team.teamName;
}

const matrix = [...routes, ...actions, ...pages];

/** Entries that are public by design (no team data behind a session), kept in the inventory so nothing is missed. */
const publicByDesign = ['GET /api/auth/[...nextauth]', 'POST /api/auth/[...nextauth]', 'GET /api/wan/top-up', 'signUp', 'page /sign-in', 'page /sign-up'];

describe('authorization matrix', () => {
  it('lists every route, server action and page of the app', async () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === 'route.ts' || entry.name === 'page.tsx' || entry.name.endsWith('actions.ts')) found.push(full);
      }
    };
    walk(path.join(process.cwd(), 'app'));
    const inventory: string[] = [];
    for (const file of found) {
      const route = `/${path.relative(path.join(process.cwd(), 'app'), path.dirname(file)).replace(/\([^)]*\)\/?/g, '')}`.replace(/\/$/, '') || '/';
      const source = fs.readFileSync(file, 'utf8');
      if (file.endsWith('page.tsx')) inventory.push(`page ${route}`);
      else if (file.endsWith('route.ts')) for (const [, method] of source.matchAll(/export async function (GET|POST|PUT|PATCH|DELETE)\b/g)) inventory.push(`${method} ${route}`);
      else for (const [, name] of source.matchAll(/export (?:async function|const) (\w+)/g)) inventory.push(name ?? '');
      if (file.includes('[...nextauth]')) inventory.push('GET /api/auth/[...nextauth]', 'POST /api/auth/[...nextauth]');
    }
    const covered = new Set([...matrix.map((entry) => entry.name.replace(/ \(.*\)$/, '')), ...publicByDesign]);
    expect(inventory.filter((name) => !covered.has(name)).sort()).toEqual([]);
  });

  const table: string[] = [];
  for (const entry of matrix) {
    it(`${entry.name}: ${personas.map((persona) => `${persona} ${entry.expect[persona]}`).join(', ')}`, async () => {
      const got: Record<string, string> = {};
      for (const persona of personas) {
        as(persona);
        const outcome = await entry.run(persona);
        got[persona] = outcome.allowed ? 'allow' : 'deny';
        if (outcome.allowed && entry.expect[persona] === 'deny') console.error(`${entry.name} as ${persona} saw: ${outcome.said}`);
        // A refusal names nothing of team T: no prompt, no team name, no existence oracle beyond "not found".
        if (!outcome.allowed) expect(outcome.said, `${entry.name} as ${persona}`).not.toContain(SECRET);
        // A refused read by id or token is a 401 (signed out) or a plain 404, the same as for one that does not exist.
        if (!outcome.allowed && /^GET .*\[/.test(entry.name)) expect(outcome.said, `${entry.name} as ${persona}`).toMatch(/^(401 \{"error":"Sign in to continue"\}|404 (\{"error":"Not found"\}|<))/);
      }
      table.push(`| ${entry.name} | ${personas.map((persona) => (got[persona] === 'allow' ? 'allow' : 'deny')).join(' | ')} |`);
      expect(got).toEqual(entry.expect);
    });
  }

  afterAll(() => {
    // The matrix as a table, for the closing note (reports/ is ignored by git).
    fs.mkdirSync('reports', { recursive: true });
    fs.writeFileSync('reports/authz-matrix.md', [`| route / action / page | ${personas.join(' | ')} |`, `|---|${personas.map(() => '---').join('|')}|`, ...table].join('\n') + '\n');
  });
});
