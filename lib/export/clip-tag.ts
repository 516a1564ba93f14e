import { z } from 'zod';
import '@/lib/zod-jitless';
import { orderedRecipe } from '@/lib/generation/recipe';
import { models } from '@/lib/generation/models';
import type { ConcreteGenerationRequest } from '@/lib/generation/schema';
import { exportedRecipeSchema } from './recipes-file';

// The recipe an MP4 we hand out carries in its metadata (the `comment` tag, as JSON), and the plain words
// beside it (`title`, `description`) that it is AI-generated and how. Written on the server; read back by
// the studio when such a file is dropped on it (in the browser) or imported.

export const CLIP_TAG_FORMAT = 'wan-studio.clip';
export const CLIP_TAG_VERSION = 1;
/** The disclosure every tagged file carries (EU AI Act art. 50, California's AI Transparency Act). */
export const AI_NOTICE = 'AI-generated video, made with Wan 2.5 in Wan Studio.';
/** The `artist` tag of every file we hand out. */
export const AI_ARTIST = 'Wan 2.5 (AI-generated)';

export const clipTagSchema = z.object({
  format: z.literal(CLIP_TAG_FORMAT),
  version: z.literal(CLIP_TAG_VERSION),
  aiGenerated: z.literal(true),
  generator: z.string().max(200),
  clipId: z.uuid(),
  taskId: z.string().max(200).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  recipe: exportedRecipeSchema,
});
export type ClipTag = z.output<typeof clipTagSchema>;

type Tagged = { id: string; taskId: string | null; createdAt: Date; recipe: ConcreteGenerationRequest };

/** The metadata of a clip's file: ffmpeg's `-metadata` keys and their values. */
export function clipMetadata({ id, taskId, createdAt, recipe }: Tagged): { title: string; comment: string; description: string; artist: string } {
  const { imageId: _imageId, audioId: _audioId, ...sent } = orderedRecipe(recipe);
  const tag: z.input<typeof clipTagSchema> = {
    format: CLIP_TAG_FORMAT,
    version: CLIP_TAG_VERSION,
    aiGenerated: true,
    generator: `Wan Studio, ${models[recipe.model].label} (${recipe.model})`,
    clipId: id,
    taskId,
    createdAt: createdAt.toISOString(),
    recipe: sent,
  };
  const prompt = recipe.prompt || '(no prompt: from its start image)';
  return {
    title: prompt.length > 200 ? `${prompt.slice(0, 199)}…` : prompt,
    comment: JSON.stringify(tag),
    description: `${AI_NOTICE} Prompt: ${prompt} Seed: ${recipe.seed}. ${recipe.resolution}, ${recipe.duration} s, ${models[recipe.model].label}.`,
    artist: AI_ARTIST,
  };
}

/** The metadata of a file handed out without its recipe (a share link that hides it): only that it is AI-generated. */
export function noticeMetadata(): { description: string; artist: string } {
  return { description: AI_NOTICE, artist: AI_ARTIST };
}

/** A tag read back from a file's `comment`; anything else there (another tool's comment) is no recipe. */
export function readClipTag(comment: string | undefined): { ok: true; tag: ClipTag } | { ok: false; message: string } {
  if (!comment) return { ok: false, message: 'This video carries no Wan Studio recipe.' };
  let json: unknown;
  try {
    json = JSON.parse(comment);
  } catch {
    return { ok: false, message: 'This video carries no Wan Studio recipe.' };
  }
  const parsed = clipTagSchema.safeParse(json);
  if (parsed.success) return { ok: true, tag: parsed.data };
  const ours = typeof json === 'object' && json !== null && (json as { format?: unknown }).format === CLIP_TAG_FORMAT;
  return { ok: false, message: ours ? `This video’s recipe cannot be read: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` : 'This video carries no Wan Studio recipe.' };
}
