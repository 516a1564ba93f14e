import type { Metadata } from 'next';
import { z } from 'zod';
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
const searchSchema = z.object({ remix: z.uuid().optional().catch(undefined) });

export default async function StudioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { team, member } = await requireStudioContext();
  const { remix } = searchSchema.parse(await searchParams);

  const [recent, source] = await Promise.all([
    listGenerations({ teamId: team.teamId, limit: RECENT }),
    remix ? getGenerationById({ id: remix, teamId: team.teamId }) : undefined,
  ]);
  const [image, track] = await Promise.all([
    source?.imageId ? getImageById({ id: source.imageId, teamId: team.teamId }) : undefined,
    source?.audioId ? getAudioTrackById({ id: source.audioId, teamId: team.teamId }) : undefined,
  ]);

  const initialValues: StudioFormValues = source
    ? {
        model: source.model,
        mode: source.mode,
        startImage: image ? { id: image.id, previewUrl: `/i/${image.fileName}`, width: image.width, height: image.height } : null,
        soundTrack: track ? soundTrackView(track) : null,
        prompt: source.prompt,
        negativePrompt: source.negativePrompt ?? '',
        seed: String(source.seed),
        seedLocked: true,
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
      key={source?.id ?? 'new'}
      initialValues={initialValues}
      parentId={source?.id}
      remixOf={source?.id}
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
