import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_MODEL } from '../lib/generation/schema';
import type { NewGeneration } from './schema';

// A stored row or one about to be inserted: both carry these fields.
type StackFields = Pick<
  NewGeneration,
  'model' | 'mode' | 'prompt' | 'negativePrompt' | 'imageUrls' | 'imageId' | 'resolution' | 'aspectRatio' | 'duration' | 'enablePromptExpansion' | 'provider'
> &
  Partial<Pick<NewGeneration, 'audioId' | 'audioUrls'>>;

/**
 * Which stack card a clip belongs to: every clip whose request is the same but for the seed, whether it was
 * made alone or in a sweep (the stack groups a sweep's clips inside it). Computed at insert, so grouping is an
 * index lookup.
 */
export function stackKeyOf(row: StackFields, imageSha256?: string, audioSha256?: string): string {
  const track = audioSha256 ?? row.audioId ?? row.audioUrls?.[0];
  const sameButSeed = [
    row.mode,
    row.prompt,
    row.negativePrompt ?? '',
    // The start frame by its bytes: the same picture uploaded twice is the same request.
    imageSha256 ?? row.imageId ?? row.imageUrls?.[0] ?? '',
    row.resolution,
    row.mode === 'text-to-video' ? row.aspectRatio : '',
    row.duration,
    row.enablePromptExpansion,
    row.provider,
    // Stacks never mix models. Only a model other than the first is named, so every key made before there
    // were two models (0006, 0010) stays what it was.
    ...(row.model && row.model !== DEFAULT_MODEL ? [row.model] : []),
    // Nor sound tracks, the track by its bytes; a clip without one keeps the key it had before there were tracks.
    ...(track ? [`audio:${track}`] : []),
  ];
  return `recipe:${createHash('sha256').update(JSON.stringify(sameButSeed)).digest('base64url').slice(0, 22)}`;
}

// stack_key()'s arguments as SQLite hands them over, in the order migrations 0006 and 0010 pass them. The
// first, sweep_id, no longer changes the key (0010 re-keyed the sweeps); it stays so both calls keep working.
const nullableText = z.string().nullable();
const columnsSchema = z.tuple([nullableText, z.string(), z.string(), nullableText, nullableText, nullableText, z.string(), z.string(), z.number(), z.number(), z.string(), nullableText]);

/**
 * stackKeyOf over raw columns, for SQL: `stack_key(sweep_id, mode, prompt, negative_prompt, image_urls, image_id,
 * resolution, aspect_ratio, duration, enable_prompt_expansion, provider, image_sha256)`. The values are decoded
 * as a Drizzle select decodes them: stored enums as they are, the JSON list parsed, 1 as true.
 */
export function stackKeyOfColumns(...columns: unknown[]): string {
  const [, mode, prompt, negativePrompt, imageUrls, imageId, resolution, aspectRatio, duration, expansion, provider, imageSha256] = columnsSchema.parse(columns);
  const row: StackFields = {
    mode: mode as StackFields['mode'],
    prompt,
    negativePrompt,
    imageUrls: imageUrls === null ? null : z.array(z.string()).parse(JSON.parse(imageUrls)),
    imageId,
    resolution: resolution as StackFields['resolution'],
    aspectRatio: aspectRatio as StackFields['aspectRatio'],
    duration,
    enablePromptExpansion: expansion === 1,
    provider: provider as StackFields['provider'],
  };
  return stackKeyOf(row, imageSha256 ?? undefined);
}
