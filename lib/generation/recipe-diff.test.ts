import { describe, expect, it } from 'vitest';
import { diffRecipes } from './recipe-diff';
import type { ConcreteGenerationRequest } from './schema';

const base: ConcreteGenerationRequest = {
  model: 'wan-2-5',
  mode: 'text-to-video',
  prompt: 'a fox in snow',
  negativePrompt: undefined,
  resolution: '720p',
  aspectRatio: '16:9',
  duration: 5,
  seed: 42,
  enablePromptExpansion: true,
  provider: 'auto',
  requestType: 'async',
};

const recipe = (overrides: Partial<ConcreteGenerationRequest>): ConcreteGenerationRequest => ({ ...base, ...overrides });
const differing = (recipes: ConcreteGenerationRequest[]) => diffRecipes(recipes).filter((row) => row.differs).map((row) => row.field);
const rowOf = (recipes: ConcreteGenerationRequest[], field: string) => diffRecipes(recipes).find((row) => row.field === field);

describe('diffRecipes', () => {
  it('shows every request field but the delivery, in form order, with human labels', () => {
    expect(diffRecipes([base, base]).map((row) => row.label)).toEqual([
      'Model',
      'Mode',
      'Prompt',
      'Negative prompt',
      'Start image',
      'Sound',
      'Resolution',
      'Aspect ratio',
      'Duration',
      'Seed',
      'Prompt expansion',
      'Provider',
    ]);
  });

  it('marks the model when two clips were made on different models', () => {
    // The second model makes sound and the first does not: that shows too.
    expect(differing([recipe({}), recipe({ model: 'wan-2-5-video' })])).toEqual(['model', 'audioUrls']);
  });

  it('says which sound each clip has: silent, the model’s own, or a track', () => {
    const id = '3f0c6a9e-2b1d-4c8e-9f7a-0d5b6e4c3a21';
    const recipes = [recipe({}), recipe({ model: 'wan-2-5-video' }), recipe({ model: 'wan-2-5-video', audioId: id }), recipe({ model: 'wan-2-5-video', audioUrls: ['https://example.com/a.mp3'] })];
    expect(rowOf(recipes, 'audioUrls')?.values).toEqual(['silent', 'the model’s own', `track ${id}`, 'https://example.com/a.mp3']);
  });

  it('marks only the seed when two clips differ only by seed', () => {
    const recipes = [recipe({ seed: 42 }), recipe({ seed: 7 })];
    expect(differing(recipes)).toEqual(['seed']);
    expect(rowOf(recipes, 'seed')?.values).toEqual(['42', '7']);
  });

  it('does not count webhook against polling as a difference', () => {
    expect(differing([recipe({ requestType: 'async' }), recipe({ requestType: 'callback' })])).toEqual([]);
  });

  it('treats a missing and an empty negative prompt as the same "none"', () => {
    const recipes = [recipe({ negativePrompt: undefined }), recipe({ negativePrompt: '' }), recipe({ negativePrompt: '  ' })];
    expect(rowOf(recipes, 'negativePrompt')).toMatchObject({ values: ['none', 'none', 'none'], differs: false });
  });

  it('marks a row when any one of several clips differs, keeping the values in clip order', () => {
    const recipes = [recipe({}), recipe({}), recipe({ resolution: '1080p' })];
    expect(rowOf(recipes, 'resolution')).toMatchObject({ values: ['720p', '720p', '1080p'], differs: true });
  });

  it('says the prompt differs even by one character', () => {
    expect(differing([recipe({ prompt: 'a fox in snow' }), recipe({ prompt: 'a fox in snow.' })])).toEqual(['prompt']);
  });

  it('shows duration in seconds and prompt expansion as on or off', () => {
    const recipes = [recipe({ duration: 5, enablePromptExpansion: true }), recipe({ duration: 10, enablePromptExpansion: false })];
    expect(rowOf(recipes, 'duration')?.values).toEqual(['5 s', '10 s']);
    expect(rowOf(recipes, 'enablePromptExpansion')?.values).toEqual(['on', 'off']);
  });

  it('shows the start image from a link or an upload, and "none" for text-to-video', () => {
    const id = '3f0c6a9e-2b1d-4c8e-9f7a-0d5b6e4c3a21';
    const recipes = [
      recipe({}),
      recipe({ mode: 'image-to-video', imageUrls: ['https://example.com/cat.png'] }),
      recipe({ mode: 'image-to-video', imageId: id }),
    ];
    expect(rowOf(recipes, 'imageUrls')?.values).toEqual(['none', 'https://example.com/cat.png', `uploaded image ${id}`]);
    expect(rowOf(recipes, 'aspectRatio')?.values).toEqual(['16:9', 'follows the image', 'follows the image']);
  });

  it('does not call the aspect ratio different for two image-to-video clips from the same image', () => {
    const image = { mode: 'image-to-video' as const, imageUrls: ['https://example.com/cat.png'] };
    expect(differing([recipe({ ...image, aspectRatio: '16:9' }), recipe({ ...image, aspectRatio: '1:1' })])).toEqual([]);
  });

  it('never marks a difference for a single clip', () => {
    expect(differing([base])).toEqual([]);
  });
});
