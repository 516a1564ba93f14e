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

const recipeKeys = [
  'mode',
  'prompt',
  'negativePrompt',
  'imageUrls',
  'imageId',
  'resolution',
  'aspectRatio',
  'duration',
  'seed',
  'enablePromptExpansion',
  'provider',
  'requestType',
] as const satisfies readonly (keyof ConcreteGenerationRequest)[];

// Fails to compile when the request gains a field the list above does not name.
const _everyKeyListed: Exclude<keyof ConcreteGenerationRequest, (typeof recipeKeys)[number]> extends never ? true : false = true;

/** The request's fields in one fixed order, absent ones left out: what reproducing sends. */
export function orderedRecipe(request: ConcreteGenerationRequest): ConcreteGenerationRequest {
  const entries = recipeKeys.map((key) => [key, request[key]] as const).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries) as ConcreteGenerationRequest;
}
