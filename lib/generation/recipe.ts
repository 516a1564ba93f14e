import type { Generation } from '@/db/schema';
import type { ConcreteGenerationRequest } from './schema';

type RequestFields = Pick<
  Generation,
  | 'model'
  | 'mode'
  | 'prompt'
  | 'negativePrompt'
  | 'imageUrls'
  | 'imageId'
  | 'audioUrls'
  | 'audioId'
  | 'resolution'
  | 'aspectRatio'
  | 'duration'
  | 'seed'
  | 'enablePromptExpansion'
  | 'provider'
  | 'requestType'
>;

/** The exact request a stored generation was made with, its delivery (polling or webhook) included: reproducing it sends this again. */
export function requestOf(row: RequestFields): ConcreteGenerationRequest {
  return {
    model: row.model,
    mode: row.mode,
    prompt: row.prompt,
    negativePrompt: row.negativePrompt ?? undefined,
    imageUrls: row.imageUrls ?? undefined,
    imageId: row.imageId ?? undefined,
    audioUrls: row.audioUrls ?? undefined,
    audioId: row.audioId ?? undefined,
    resolution: row.resolution,
    aspectRatio: row.aspectRatio,
    duration: row.duration === 10 ? 10 : 5,
    seed: row.seed,
    enablePromptExpansion: row.enablePromptExpansion,
    provider: row.provider,
    requestType: row.requestType,
  };
}

/**
 * Webhook delivery needs an address where the service can reach this studio; without one the same request is
 * polled instead (the video does not depend on how its result is delivered).
 */
export function withAvailableDelivery<T extends Pick<ConcreteGenerationRequest, 'requestType'>>(request: T, webhookAvailable: boolean): T {
  return request.requestType === 'callback' && !webhookAvailable ? { ...request, requestType: 'async' } : request;
}

/** Two requests that make the same video: every field alike, however the result is delivered. */
export function sameVideoRequest(a: ConcreteGenerationRequest, b: ConcreteGenerationRequest): boolean {
  return JSON.stringify(orderedRecipe({ ...a, requestType: 'async' })) === JSON.stringify(orderedRecipe({ ...b, requestType: 'async' }));
}

const recipeKeys = [
  'model',
  'mode',
  'prompt',
  'negativePrompt',
  'imageUrls',
  'imageId',
  'audioUrls',
  'audioId',
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

/** A recipe as shown and exported: image-to-video has no aspect ratio (it follows the image, and none is sent). */
export type ShownRecipe = Omit<ConcreteGenerationRequest, 'aspectRatio'> & Partial<Pick<ConcreteGenerationRequest, 'aspectRatio'>>;

/**
 * The request's fields in one fixed order, absent ones left out: what reproducing sends. Image-to-video
 * leaves out the aspect ratio, as the wire body does (`toWanCreateBody`): a recipe claims nothing that was not sent.
 */
export function orderedRecipe(request: ConcreteGenerationRequest): ShownRecipe {
  const sent = (key: (typeof recipeKeys)[number]) => !(key === 'aspectRatio' && request.mode === 'image-to-video');
  const entries = recipeKeys.map((key) => [key, request[key]] as const).filter(([key, value]) => value !== undefined && sent(key));
  return Object.fromEntries(entries) as ShownRecipe;
}
