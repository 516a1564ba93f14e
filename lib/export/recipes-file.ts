import { z } from 'zod';
import '@/lib/zod-jitless';
import { orderedRecipe } from '@/lib/generation/recipe';
import { generationRequestSchema, seedSchema, type ConcreteGenerationRequest } from '@/lib/generation/schema';

export const RECIPES_FORMAT = 'wan-studio.recipes';

/** The largest recipes.json the import form sends through a server action (below Next's 1 MB action body limit). */
export const RECIPES_UPLOAD_MAX_BYTES = 900 * 1024;
export const RECIPES_VERSION = 1;
export const RECIPES_MAX_CLIPS = 500;
const MAX_LISTED_ERRORS = 5;

const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

// imageId and audioId name kept files inside one studio only; the start frame and the sound track travel as
// their public links, in imageUrls and audioUrls.
export const exportedRecipeSchema = generationRequestSchema
  .safeExtend({ seed: seedSchema })
  .superRefine((recipe, ctx) => {
    if (recipe.mode === 'image-to-video' && recipe.imageId && recipe.imageUrls?.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['imageUrls'], message: 'Image-to-video needs the start frame’s public link' });
    }
    if (recipe.audioId && recipe.audioUrls?.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['audioUrls'], message: 'A clip with a sound track needs the track’s public link' });
    }
  })
  .transform(({ imageId: _imageId, audioId: _audioId, ...recipe }) => recipe);

export type ExportedRecipe = z.output<typeof exportedRecipeSchema>;

const fileNameSchema = z
  .string()
  .regex(/^[\w.-]+(\/[\w.-]+)*$/, 'must be a relative path inside the zip')
  .refine((name) => !name.split('/').includes('..'), 'must not contain ".."');

export const recipeClipSchema = z.object({
  id: z.uuid('must be a UUID'),
  file: fileNameSchema.nullable(),
  /** The video as the service made it: what the clip is recognised by, and what its reproductions match. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits').nullable(),
  /** The file in the zip, a copy carrying its recipe; absent (older exports, or a copy that could not be made): `sha256`. */
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits').optional(),
  createdAt: isoDate,
  author: z.string(),
  recipe: exportedRecipeSchema,
  parentId: z.uuid('must be a UUID').nullable(),
});

export const recipesFileSchema = z.object({
  format: z.literal(RECIPES_FORMAT),
  version: z.literal(RECIPES_VERSION),
  exportedAt: isoDate,
  clips: z.array(recipeClipSchema).max(RECIPES_MAX_CLIPS, `at most ${RECIPES_MAX_CLIPS} clips per file`),
});

export type RecipesFile = z.output<typeof recipesFileSchema>;
/** A file as written: an image-to-video recipe leaves out the aspect ratio it never sent (reading fills in the default). */
export type WrittenRecipesFile = z.input<typeof recipesFileSchema>;
export type RecipeClip = RecipesFile['clips'][number];

export type RecipeClipInput = Omit<RecipeClip, 'createdAt' | 'recipe'> & { createdAt: Date; recipe: ConcreteGenerationRequest };

export function buildRecipesFile({ exportedAt, clips }: { exportedAt: Date; clips: readonly RecipeClipInput[] }): WrittenRecipesFile {
  if (clips.length > RECIPES_MAX_CLIPS) throw new RangeError(`A recipes file holds at most ${RECIPES_MAX_CLIPS} clips, got ${clips.length}`);
  return {
    format: RECIPES_FORMAT,
    version: RECIPES_VERSION,
    exportedAt: exportedAt.toISOString(),
    clips: clips.map((clip) => {
      const { imageId: _imageId, audioId: _audioId, ...recipe } = orderedRecipe(clip.recipe);
      return {
        id: clip.id,
        file: clip.file,
        sha256: clip.sha256,
        ...(clip.fileSha256 && clip.fileSha256 !== clip.sha256 ? { fileSha256: clip.fileSha256 } : {}),
        createdAt: clip.createdAt.toISOString(),
        author: clip.author,
        recipe,
        parentId: clip.parentId,
      };
    }),
  };
}

export type ParsedRecipesFile = { ok: true; file: RecipesFile } | { ok: false; message: string };

export function parseRecipesFile(text: string): ParsedRecipesFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `This is not a JSON file (${error instanceof Error ? error.message : 'unreadable'}).` };
  }
  const header = z.looseObject({ format: z.unknown(), version: z.unknown(), clips: z.unknown() }).safeParse(json);
  if (!header.success || header.data.format !== RECIPES_FORMAT) {
    return { ok: false, message: `This is not a Wan Studio recipes file (expected "format": "${RECIPES_FORMAT}").` };
  }
  if (header.data.version !== RECIPES_VERSION) {
    return { ok: false, message: `Unsupported recipes file version ${JSON.stringify(header.data.version)}; this studio reads version ${RECIPES_VERSION}.` };
  }
  const parsed = recipesFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const lines = parsed.error.issues.map(describeIssue);
  const more = lines.length > MAX_LISTED_ERRORS ? [`…and ${lines.length - MAX_LISTED_ERRORS} more`] : [];
  return { ok: false, message: [...lines.slice(0, MAX_LISTED_ERRORS), ...more].join('\n') };
}

function describeIssue({ path, message }: z.core.$ZodIssue): string {
  const [top, index, ...rest] = path.map((key) => (typeof key === 'number' ? key : String(key)));
  if (top === 'clips' && typeof index === 'number') {
    return `Clip ${index + 1} (clips[${index}])${rest.length ? ` ${rest.join('.')}` : ''}: ${message}`;
  }
  return `${path.length ? path.join('.') : 'File'}: ${message}`;
}
