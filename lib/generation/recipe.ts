import type { Generation } from '@/db/schema';
import type { ConcreteGenerationRequest } from './schema';

type RequestFields = Pick<
  Generation,
  'mode' | 'prompt' | 'negativePrompt' | 'imageUrls' | 'imageId' | 'resolution' | 'aspectRatio' | 'duration' | 'seed' | 'enablePromptExpansion' | 'provider'
>;

/** The exact request a stored generation was made with: reproducing it sends this again. */
export function requestOf(row: RequestFields): ConcreteGenerationRequest {
  return {
    mode: row.mode,
    prompt: row.prompt,
    negativePrompt: row.negativePrompt ?? undefined,
    imageUrls: row.imageUrls ?? undefined,
    imageId: row.imageId ?? undefined,
    resolution: row.resolution,
    aspectRatio: row.aspectRatio,
    duration: row.duration === 10 ? 10 : 5,
    seed: row.seed,
    enablePromptExpansion: row.enablePromptExpansion,
    provider: row.provider,
    requestType: 'async',
  };
}
