import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createChain, getChain, listChainTakes, saveChainRender, startChainAt } from '@/db/queries/chains';
import { getGenerationById, type GenerationWithAuthor } from '@/db/queries/generations';
import type { Chain, Image } from '@/db/schema';
import { semaphore, singleFlight } from '@/lib/async/concurrency';
import { getEnv } from '@/lib/env';
import { AI_ARTIST, AI_NOTICE } from '@/lib/export/clip-tag';
import { requestOf, withAvailableDelivery } from '@/lib/generation/recipe';
import { randomSeed } from '@/lib/generation/schema';
import { chosenFfmpeg, metadataArgs, runFfmpeg } from '@/lib/storage/ffmpeg';
import { getVideoStore } from '@/lib/storage/video-storage';
import { checkTeamQuota } from '@/lib/storage/disk-space';
import { isVideoHead, type LocalCopy } from '@/lib/storage/video-store';
import { startClip, type Started } from '@/lib/start/start-clips';
import type { ChainPlace } from '@/lib/tasks/submit';
import { renderIsCurrent, renderProblem, shotsOf, type ChainShot } from './chain-shots';
import { lastFrameOf } from './last-frame';

// Chains: a clip's last frame starts the next shot; the shots play back to back and render to one file.

type Owner = { teamId: string; userId: string };
type Refused = { ok: false; message: string };

export async function chainShots({ teamId, chainId }: { teamId: string; chainId: string }): Promise<{ chain: Chain; shots: ChainShot[] } | undefined> {
  const chain = await getChain({ id: chainId, teamId });
  if (!chain) return undefined;
  return { chain, shots: shotsOf(await listChainTakes({ teamId, chainId })) };
}

/**
 * Whether a request is the next shot it claims to be: image-to-video from `after`'s kept last frame, on its model
 * and resolution (the shots of a chain join without re-encoding).
 */
export function nextShotProblem(request: { mode: string; imageId?: string; model: string; resolution: string }, after: { lastFrameId: string | null; model: string; resolution: string }): string | null {
  if (request.mode !== 'image-to-video' || !after.lastFrameId || request.imageId !== after.lastFrameId) return 'The next shot of a chain starts from the last frame of the shot before: keep that start image.';
  if (request.model !== after.model || request.resolution !== after.resolution) return `The shots of a chain share one model and resolution (${after.model}, ${after.resolution}), so they join into one file.`;
  return null;
}

/** Where a clip continued from `after` goes: the next place of its chain, when `after` is that chain's last shot. */
export async function nextPlace({ teamId, chainId, after }: { teamId: string; chainId: string; after: string }): Promise<{ ok: true; place: ChainPlace } | Refused> {
  const found = await chainShots({ teamId, chainId });
  if (!found) return { ok: false, message: 'That chain does not exist.' };
  const last = found.shots.at(-1);
  if (!last || last.current.id !== after) return { ok: false, message: `This chain has moved on: continue it from its last shot (shot ${last?.position ?? 1}).` };
  return { ok: true, place: { id: chainId, position: last.position + 1, opens: true } };
}

export type Continuation = { ok: true; chainId: string; position: number; from: GenerationWithAuthor; frame: Image };

/**
 * Continuing a finished clip: its last frame (from our copy) kept as a start frame, and the chain it is the last
 * shot of (a new one, with the clip as shot 1, when it was in none). Nothing is started: the form does that.
 */
export async function continueFrom({ clipId, ...owner }: Owner & { clipId: string }): Promise<Continuation | Refused> {
  const clip = await getGenerationById({ id: clipId, teamId: owner.teamId });
  if (!clip || clip.deletedAt) return { ok: false, message: 'That clip does not exist.' };
  if (clip.state !== 'success' || !clip.archivePath) return { ok: false, message: 'Only a finished clip can be continued: its last frame comes from our copy.' };
  let chainId = clip.chainId;
  if (chainId) {
    const place = await nextPlace({ teamId: owner.teamId, chainId, after: clip.id });
    if (!place.ok) return place;
  }
  // The frame first: a clip whose last frame cannot be read is not left as a chain of one.
  const frame = await lastFrameOf(clip, owner);
  if (!frame.ok) return frame;
  if (!chainId) {
    const chain = await createChain({ id: crypto.randomUUID(), ...owner });
    // Two continues at once: the first makes the chain, the second uses it.
    chainId = (await startChainAt({ teamId: owner.teamId, clipId: clip.id, chainId: chain.id })) ? chain.id : ((await getGenerationById({ id: clip.id, teamId: owner.teamId }))?.chainId ?? chain.id);
  }
  return { ok: true, chainId, position: (clip.chainPosition ?? 1) + 1, from: clip, frame: frame.image };
}

/** A new take of one shot: the same request (its start frame included) with a new seed, in the same place. */
export async function regenerateShot({ chainId, position, ...owner }: Owner & { chainId: string; position: number }): Promise<Exclude<Started, { ok: true }> | { ok: true; id: string } | (Refused & { kind: 'missing' })> {
  const found = await chainShots({ teamId: owner.teamId, chainId });
  const shot = found?.shots.find((candidate) => candidate.position === position);
  if (!shot) return { ok: false, kind: 'missing', message: 'That shot does not exist.' };
  // A later shot starts from the last frame of the shot before as it is now (that shot may have a new take).
  const before = found?.shots.find((candidate) => candidate.position === position - 1);
  let request = withAvailableDelivery({ ...requestOf(shot.current), seed: randomSeed() }, Boolean(getEnv().reachableUrl));
  if (before) {
    const frame = await lastFrameOf(before.current, owner);
    if (!frame.ok) return { ok: false, kind: 'missing', message: frame.message };
    request = { ...request, mode: 'image-to-video', imageId: frame.image.id, imageUrls: undefined };
  }
  const started = await startClip({ ...owner, request, prepare: true, parentId: before?.current.id ?? shot.current.parentId ?? undefined, chain: { id: chainId, position } });
  return started.ok ? { ok: true, id: started.row.id } : started;
}

/**
 * The chain as one MP4: the current take of every shot, joined by ffmpeg's concat demuxer without re-encoding
 * (the shots share one model and resolution), stored in the video store beside the clips.
 */
export function renderChain({ teamId, chainId }: { teamId: string; chainId: string }): Promise<{ ok: true; chain: Chain } | Refused> {
  // One render per chain at a time (a second click waits for the first), and one ffmpeg join on the machine at once.
  return renderFlight(chainId, () => renderSlot(() => render({ teamId, chainId })));
}

const renderFlight = singleFlight<{ ok: true; chain: Chain } | Refused>();
const renderSlot = semaphore(1);

async function render({ teamId, chainId }: { teamId: string; chainId: string }): Promise<{ ok: true; chain: Chain } | Refused> {
  const found = await chainShots({ teamId, chainId });
  if (!found) return { ok: false, message: 'That chain does not exist.' };
  const problem = renderProblem(found.shots);
  if (problem) return { ok: false, message: problem };
  const ids = found.shots.map((shot) => shot.current.id);
  if (renderIsCurrent(found.chain, found.shots)) return { ok: true, chain: found.chain };

  const store = getVideoStore();
  const copies: LocalCopy[] = [];
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'wan-chain-'));
  try {
    for (const shot of found.shots) {
      const copy = shot.current.archivePath ? await store.localCopy(shot.current.archivePath) : undefined;
      if (!copy) return { ok: false, message: `Shot ${shot.position}’s video is missing from our storage.` };
      copies.push(copy);
    }
    const list = path.join(dir, 'shots.txt');
    // The concat list names local files only; quotes in a path are escaped as the demuxer reads them.
    await fs.promises.writeFile(list, copies.map((copy) => `file '${copy.path.replace(/'/g, "'\\''")}'\n`).join(''));
    const out = path.join(dir, 'chain.mp4');
    const ffmpeg = await chosenFfmpeg();
    const total = (await Promise.all(copies.map((copy) => fs.promises.stat(copy.path)))).reduce((sum, stat) => sum + stat.size, 0);
    // The render is about as large as its shots together, and counts against the team's storage like a clip.
    const quota = await checkTeamQuota({ teamId, adding: Math.max(0, total - (found.chain.renderBytes ?? 0)) });
    if (!quota.ok) return { ok: false, message: quota.message };
    const notice = `${AI_NOTICE} A chain of ${found.shots.length} shots: ${found.shots.map((shot) => `${shot.position}. ${shot.current.prompt || '(from its start image)'} (seed ${shot.current.seed})`).join(' ')}`;
    await runFfmpeg(ffmpeg.path, concatArgs(list, out, { description: notice.slice(0, 8000), artist: AI_ARTIST }), { timeoutMs: 120_000, maxFileBytes: total + 8 * 1024 * 1024 });
    const key = `chain-${chainId}-${Date.now()}.mp4`;
    const stored = await store.put(key, fs.createReadStream(out), { maxBytes: total + 8 * 1024 * 1024, accept: isVideoHead });
    const previous = found.chain.renderKey;
    await saveChainRender({ teamId, chainId, renderKey: stored.key, renderSha256: stored.sha256, renderBytes: stored.bytes, renderOf: ids, renderedAt: new Date() });
    if (previous && previous !== stored.key) await store.remove(previous).catch(() => undefined);
    const chain = await getChain({ id: chainId, teamId });
    return chain ? { ok: true, chain } : { ok: false, message: 'That chain does not exist.' };
  } catch (error) {
    return { ok: false, message: `The chain could not be rendered: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}` };
  } finally {
    for (const copy of copies) await copy.release().catch(() => undefined);
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** ffmpeg's concat demuxer over a list of local MP4s, streams copied, with the file's metadata; only files may be opened. */
export function concatArgs(list: string, output: string, metadata: Record<string, string>): string[] {
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
    ...['-protocol_whitelist', 'file', '-f', 'concat', '-safe', '0', '-i', `file:${list}`],
    ...['-map', '0', '-c', 'copy'],
    ...metadataArgs(metadata),
    ...['-movflags', '+faststart', '-f', 'mp4', '-y', `file:${output}`],
  ];
}
