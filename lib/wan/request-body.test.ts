import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '@/lib/generation/schema';
import { toWanCreateBody } from './request-body';

describe('toWanCreateBody', () => {
  it('sends every field in the contract’s snake_case, always with a seed', () => {
    const request = { ...generationRequestSchema.parse({ prompt: 'waves', negativePrompt: 'blur', duration: 10 }), seed: 7 };
    expect(toWanCreateBody(request)).toEqual({
      request_type: 'async',
      provider: 'auto',
      input: {
        mode: 'text-to-video',
        prompt: 'waves',
        negative_prompt: 'blur',
        resolution: '720p',
        duration: 10,
        aspect_ratio: '16:9',
        seed: 7,
        enable_prompt_expansion: true,
      },
    });
  });

  it('sends the image and no aspect ratio for image-to-video, and the callback URL in callback mode', () => {
    const request = {
      ...generationRequestSchema.parse({ prompt: 'bloom', mode: 'image-to-video', imageUrls: ['https://example.com/f.png'] }),
      seed: 1,
    };
    const body = toWanCreateBody(request, 'https://studio.example/api/wan/callback/abc');
    expect(body.request_type).toBe('callback');
    expect(body.callback_url).toBe('https://studio.example/api/wan/callback/abc');
    expect(body.input.image_urls).toEqual(['https://example.com/f.png']);
    expect(body.input).not.toHaveProperty('aspect_ratio');
  });

  it('sends the sound track as audio_urls on the second model only', () => {
    const withTrack = { prompt: 'a choir', audioUrls: ['https://studio.example/a/x.wav'], seed: 3 };
    const video = toWanCreateBody({ ...generationRequestSchema.parse({ ...withTrack, model: 'wan-2-5-video' }), seed: 3 });
    expect(video.input.audio_urls).toEqual(['https://studio.example/a/x.wav']);
    // Never to the silent model, even if a request somehow carried one past the schema.
    const silent = toWanCreateBody({ ...generationRequestSchema.parse({ prompt: 'a choir' }), audioUrls: withTrack.audioUrls, seed: 3 });
    expect(silent.input).not.toHaveProperty('audio_urls');
    expect(toWanCreateBody({ ...generationRequestSchema.parse({ prompt: 'a choir', model: 'wan-2-5-video' }), seed: 3 }).input).not.toHaveProperty('audio_urls');
  });

  it('leaves the prompt out when an image-to-video clip on the second model has none', () => {
    const request = generationRequestSchema.parse({ model: 'wan-2-5-video', mode: 'image-to-video', imageUrls: ['https://example.com/f.png'], prompt: '' });
    expect(toWanCreateBody({ ...request, seed: 2 }).input).not.toHaveProperty('prompt');
  });
});
