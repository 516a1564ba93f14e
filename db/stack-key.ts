import { createHash } from 'node:crypto';
import type { NewGeneration } from './schema';

// A stored row or one about to be inserted: both carry these fields.
type StackFields = Pick<
  NewGeneration,
  'sweepId' | 'mode' | 'prompt' | 'negativePrompt' | 'imageUrls' | 'imageId' | 'resolution' | 'aspectRatio' | 'duration' | 'enablePromptExpansion' | 'provider'
>;

/**
 * Which stack card a clip belongs to: every clip of one sweep, or else every clip whose request is the
 * same but for the seed. Computed at insert, so grouping is an index lookup.
 */
export function stackKeyOf(row: StackFields, imageSha256?: string): string {
  if (row.sweepId) return `sweep:${row.sweepId}`;
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
  ];
  return `recipe:${createHash('sha256').update(JSON.stringify(sameButSeed)).digest('base64url').slice(0, 22)}`;
}
