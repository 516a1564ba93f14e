import { models } from './models';
import type { ConcreteGenerationRequest } from './schema';

export type RecipeDiffRow = {
  field: keyof ConcreteGenerationRequest;
  label: string;
  values: string[];
  differs: boolean;
};

type Recipe = ConcreteGenerationRequest;

const NONE = 'none';

function startImageOf(recipe: Recipe): string {
  if (recipe.imageId) return `uploaded image ${recipe.imageId}`;
  return recipe.imageUrls?.[0] ?? NONE;
}

function soundOf(recipe: Recipe): string {
  if (!models[recipe.model].audio) return 'silent';
  if (recipe.audioId) return `track ${recipe.audioId}`;
  return recipe.audioUrls?.[0] ?? 'the model’s own';
}

/** The fields a person compares, in the order the studio form shows them; requestType only says how we heard back. */
const fields: { field: keyof Recipe; label: string; show: (recipe: Recipe) => string }[] = [
  { field: 'model', label: 'Model', show: (r) => r.model },
  { field: 'mode', label: 'Mode', show: (r) => r.mode },
  { field: 'prompt', label: 'Prompt', show: (r) => r.prompt },
  { field: 'negativePrompt', label: 'Negative prompt', show: (r) => r.negativePrompt?.trim() || NONE },
  { field: 'imageUrls', label: 'Start image', show: startImageOf },
  { field: 'audioUrls', label: 'Sound', show: soundOf },
  { field: 'resolution', label: 'Resolution', show: (r) => r.resolution },
  // Image-to-video takes its shape from the image, so the stored ratio means nothing there.
  { field: 'aspectRatio', label: 'Aspect ratio', show: (r) => (r.mode === 'image-to-video' ? 'follows the image' : r.aspectRatio) },
  { field: 'duration', label: 'Duration', show: (r) => `${r.duration} s` },
  { field: 'seed', label: 'Seed', show: (r) => String(r.seed) },
  { field: 'enablePromptExpansion', label: 'Prompt expansion', show: (r) => (r.enablePromptExpansion ? 'on' : 'off') },
  { field: 'provider', label: 'Provider', show: (r) => r.provider },
];

/** Lays the recipes side by side, one row per request field, marking the rows where they are not all the same. */
export function diffRecipes(recipes: ConcreteGenerationRequest[]): RecipeDiffRow[] {
  return fields.map(({ field, label, show }) => {
    const values = recipes.map(show);
    return { field, label, values, differs: values.some((value) => value !== values[0]) };
  });
}
