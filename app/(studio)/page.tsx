import type { Metadata } from 'next';
import { z } from 'zod';
import { nextPlace } from '@/lib/chains/chains';
import { getGenerationById, listGenerations } from '@/db/queries/generations';
import { getAudioTrackById, getImageById } from '@/db/queries/storage';
import { soundTrackView } from '@/lib/audio/sound-track';
import { StudioWorkspace } from '@/components/studio-workspace';
import { defaultFormValues, type StudioFormValues } from '@/components/studio-form-values';
import { can, reachOf } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';
import { limitsFor } from '@/lib/start/limits';
import { getEnv } from '@/lib/env';
import { randomSeed } from '@/lib/generation/schema';
import { loadView } from '@/lib/gallery/load';
import { createGeneration, createSweep, manageQueue } from './actions';
import { deletePreset, renamePreset, savePreset } from './preset-actions';

export const metadata: Metadata = { title: 'Studio' };

const RECENT = 12;
const searchSchema = z.object({
  remix: z.uuid().optional().catch(undefined),
  // The next shot of a chain: continued from `after`, its last shot.
  chain: z.uuid().optional().catch(undefined),
  after: z.uuid().optional().catch(undefined),
});

export default async function StudioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { team, member } = await requireStudioContext();
  const { remix, chain, after } = searchSchema.parse(await searchParams);
  // Continuing a chain: read only (the Continue action kept the frame); a chain that moved on is a plain remix.
  const place = chain && after ? await nextPlace({ teamId: team.teamId, chainId: chain, after }) : undefined;
  const sourceId = place?.ok ? after : remix;

  const [recent, source] = await Promise.all([
    listGenerations({ teamId: team.teamId, limit: RECENT }),
    sourceId ? getGenerationById({ id: sourceId, teamId: team.teamId }) : undefined,
  ]);
  const continuing = place?.ok && source?.lastFrameId ? { chainId: place.place.id, after: source.id, position: place.place.position } : undefined;
  const frameId = continuing ? source?.lastFrameId : source?.imageId;
  const [image, track] = await Promise.all([
    frameId ? getImageById({ id: frameId, teamId: team.teamId }) : undefined,
    source?.audioId ? getAudioTrackById({ id: source.audioId, teamId: team.teamId }) : undefined,
  ]);

  const initialValues: StudioFormValues = source
    ? {
        model: source.model,
        // The next shot starts from the last frame: image-to-video, whatever the shot before was.
        mode: continuing ? 'image-to-video' : source.mode,
        startImage: image ? { id: image.id, previewUrl: `/i/${image.fileName}`, width: image.width, height: image.height } : null,
        soundTrack: track ? soundTrackView(track) : null,
        prompt: source.prompt,
        negativePrompt: source.negativePrompt ?? '',
        seed: continuing ? String(randomSeed()) : String(source.seed),
        seedLocked: !continuing,
        resolution: source.resolution,
        aspectRatio: source.aspectRatio,
        duration: source.duration === 10 ? 10 : 5,
        enablePromptExpansion: source.enablePromptExpansion,
        provider: source.provider,
        // Without an address the service can call back, the remix is polled: the video is the same.
        requestType: getEnv().reachableUrl ? source.requestType : 'async',
      }
    : defaultFormValues(randomSeed());

  return (
    <StudioWorkspace
      key={continuing ? `chain-${continuing.chainId}-${continuing.position}` : (source?.id ?? 'new')}
      continuing={continuing}
      initialValues={initialValues}
      parentId={source?.id}
      remixOf={continuing ? undefined : source?.id}
      recent={await Promise.all(recent.map(loadView))}
      action={createGeneration}
      manage={manageQueue}
      webhookAvailable={Boolean(getEnv().reachableUrl)}
      uploadsAvailable={Boolean(getEnv().reachableUrl)}
      canCreate={can(member, 'generation:create')}
      manageReach={reachOf(member, 'generation:manage')}
      userId={member.userId}
      sweep={{ prices: getEnv().prices, budgetCents: (await limitsFor(team.teamId)).sweepCapCents, createSweep }}
      presetActions={{ save: savePreset, rename: renamePreset, remove: deletePreset }}
    />
  );
}
