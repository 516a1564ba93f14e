import { describe, expect, it } from 'vitest';
import type { Generation } from '@/db/schema';
import { orderedRecipe, requestOf, withAvailableDelivery } from '@/lib/generation/recipe';
import { generationRequestSchema, type ConcreteGenerationRequest } from '@/lib/generation/schema';
import { toWanCreateBody } from './request-body';
import { CALLBACK_URL_PLACEHOLDER, recipeSnippets } from './recipe-snippets';

const BASE = 'https://api.apixo.ai/api/v1';
const request = (input: Record<string, unknown>): ConcreteGenerationRequest => ({ ...generationRequestSchema.parse({ prompt: 'a fox', ...input }), seed: 9 });
const bodyOf = (typescript: string): unknown => JSON.parse(/\nconst body = (\{[\s\S]*?\n\});\n/.exec(typescript)?.[1] ?? 'null');

/** A stored row as the database holds it: every column the recipe reads. */
const row = (values: Partial<Generation>): Parameters<typeof requestOf>[0] => ({
  model: 'wan-2-5', mode: 'text-to-video', prompt: 'a fox', negativePrompt: null, imageUrls: null, imageId: null, audioUrls: null, audioId: null, resolution: '720p', aspectRatio: '16:9', duration: 5, seed: 9,
  enablePromptExpansion: true, provider: 'auto', requestType: 'async', ...values,
});

describe('an image-to-video recipe claims no aspect ratio', () => {
  const i2v = request({ mode: 'image-to-video', imageUrls: ['https://example.com/frame.png'], aspectRatio: '16:9' });

  it('sends none, and its JSON, curl and TypeScript recipes show none', () => {
    expect(toWanCreateBody(i2v).input).not.toHaveProperty('aspect_ratio');
    const snippets = recipeSnippets(i2v, BASE);
    expect(JSON.parse(snippets.json)).not.toHaveProperty('aspectRatio');
    expect(snippets.json).not.toContain('16:9');
    expect(snippets.curl).not.toContain('aspect');
    expect(bodyOf(snippets.typescript)).toEqual(toWanCreateBody(i2v));
  });

  it('keeps every other field, and text-to-video keeps its aspect ratio', () => {
    expect(orderedRecipe(i2v)).toEqual({ model: 'wan-2-5', mode: 'image-to-video', prompt: 'a fox', imageUrls: ['https://example.com/frame.png'], resolution: '720p', duration: 5, seed: 9, enablePromptExpansion: true, provider: 'auto', requestType: 'async' });
    expect(orderedRecipe(request({ aspectRatio: '9:16' }))).toMatchObject({ aspectRatio: '9:16' });
  });
});

describe('a webhook clip’s recipe says webhook', () => {
  it('keeps the stored delivery in the recipe', () => {
    expect(requestOf(row({ requestType: 'callback' })).requestType).toBe('callback');
    expect(requestOf(row({})).requestType).toBe('async');
  });

  it('shows the callback field as the contract does, with a stand-in URL and never the studio’s own', () => {
    const snippets = recipeSnippets(request({ requestType: 'callback' }), BASE);
    expect(JSON.parse(snippets.json)).toMatchObject({ requestType: 'callback' });
    const body = bodyOf(snippets.typescript);
    expect(body).toMatchObject({ request_type: 'callback', callback_url: CALLBACK_URL_PLACEHOLDER });
    expect(snippets.curl).toContain(`"callback_url": "${CALLBACK_URL_PLACEHOLDER}"`);
    expect(`${snippets.curl}${snippets.typescript}`).not.toContain('/api/wan/callback/');
  });

  it('a polling recipe sends no callback', () => {
    const snippets = recipeSnippets(request({}), BASE);
    expect(bodyOf(snippets.typescript)).toMatchObject({ request_type: 'async' });
    expect(snippets.curl).not.toContain('callback_url');
  });

  it('falls back to polling where the service cannot call this studio back', () => {
    expect(withAvailableDelivery(request({ requestType: 'callback' }), false).requestType).toBe('async');
    expect(withAvailableDelivery(request({ requestType: 'callback' }), true).requestType).toBe('callback');
  });
});
