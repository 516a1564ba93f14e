import { describe, expect, it } from 'vitest';
import { fitToModel } from './model-fit';
import { models } from './models';
import { costCents, fieldErrorsOf, generationRequestSchema } from './schema';

const parse = (input: Record<string, unknown>) => generationRequestSchema.safeParse({ prompt: 'a fox in snow', ...input });
function errorsOf(input: Record<string, unknown>) {
  const result = parse(input);
  if (result.success) throw new Error('expected a validation error');
  return fieldErrorsOf(result.error);
}

describe('each model’s limits in the request schema', () => {
  it('means wan-2-5 when a request names no model', () => {
    expect(generationRequestSchema.parse({ prompt: 'a fox' }).model).toBe('wan-2-5');
  });

  it('takes 800 prompt characters on wan-2-5 and 1 500 on wan-2-5-video, and not one more', () => {
    expect(parse({ prompt: 'x'.repeat(800) }).success).toBe(true);
    expect(errorsOf({ prompt: 'x'.repeat(801) }).prompt).toEqual(['Prompt must be at most 800 characters']);
    expect(parse({ model: 'wan-2-5-video', prompt: 'x'.repeat(1500) }).success).toBe(true);
    expect(errorsOf({ model: 'wan-2-5-video', prompt: 'x'.repeat(1501) }).prompt).toEqual(['Prompt must be at most 1500 characters']);
    // Far past both: still the model's own number, not another model's.
    expect(errorsOf({ prompt: 'x'.repeat(2000) }).prompt).toEqual(['Prompt must be at most 800 characters']);
  });

  it('takes a sound track only on wan-2-5-video, saying which model makes silent clips', () => {
    const audioId = '0b9f4c1e-2d3a-4b5c-8d6e-7f8091a2b3c4';
    expect(parse({ model: 'wan-2-5-video', audioId }).success).toBe(true);
    expect(parse({ model: 'wan-2-5-video', mode: 'image-to-video', imageUrls: ['https://example.com/f.png'], audioId }).success).toBe(true);
    expect(errorsOf({ audioId }).audioId).toEqual(['Sound tracks are only on Wan 2.5 Video; Wan 2.5 makes silent clips']);
    expect(errorsOf({ audioUrls: ['https://example.com/a.wav'] }).audioId).toEqual(['Sound tracks are only on Wan 2.5 Video; Wan 2.5 makes silent clips']);
    expect(errorsOf({ model: 'wan-2-5-video', audioId: 'a.wav' }).audioId).toEqual(['Choose a sound track']);
    expect(errorsOf({ model: 'wan-2-5-video', audioUrls: ['https://a.test/1.wav', 'https://a.test/2.wav'] }).audioUrls).toEqual(['Add at most one sound track']);
  });

  it('needs a prompt everywhere but image-to-video on wan-2-5-video, which may follow its image alone', () => {
    const fromImage = { mode: 'image-to-video', imageUrls: ['https://example.com/f.png'], prompt: '' };
    expect(parse({ ...fromImage, model: 'wan-2-5-video' }).success).toBe(true);
    expect(parse({ ...fromImage, model: 'wan-2-5-video', prompt: '   ' }).success).toBe(true);
    expect(errorsOf(fromImage).prompt).toEqual(['Describe the video you want']);
    expect(errorsOf({ model: 'wan-2-5-video', prompt: '' }).prompt).toEqual(['Describe the video you want']);
    expect(errorsOf({ prompt: '' }).prompt).toEqual(['Describe the video you want']);
  });

  it('offers 480p only on wan-2-5-video, saying where it is', () => {
    expect(errorsOf({ resolution: '480p' }).resolution).toEqual(['480p is only on Wan 2.5 Video; Wan 2.5 offers 720p or 1080p']);
    for (const resolution of ['480p', '720p', '1080p']) expect(parse({ model: 'wan-2-5-video', resolution }).success).toBe(true);
  });

  it('offers 4:3 and 3:4 only on wan-2-5-video at 720p and 1080p', () => {
    for (const aspectRatio of ['4:3', '3:4']) {
      expect(errorsOf({ aspectRatio }).aspectRatio).toEqual([`${aspectRatio} is only on Wan 2.5 Video; Wan 2.5 offers 16:9, 9:16 or 1:1`]);
      expect(errorsOf({ model: 'wan-2-5-video', resolution: '480p', aspectRatio }).aspectRatio).toEqual([`${aspectRatio} is only at 720p or 1080p on Wan 2.5 Video`]);
      expect(parse({ model: 'wan-2-5-video', resolution: '720p', aspectRatio }).success).toBe(true);
      expect(parse({ model: 'wan-2-5-video', resolution: '1080p', aspectRatio }).success).toBe(true);
    }
    for (const aspectRatio of ['16:9', '9:16', '1:1']) expect(parse({ model: 'wan-2-5-video', resolution: '480p', aspectRatio }).success).toBe(true);
  });

  it('asks no frame of image-to-video (it follows the image)', () => {
    const imageId = '0b9f4c1e-2d3a-4b5c-8d6e-7f8091a2b3c4';
    expect(parse({ model: 'wan-2-5-video', mode: 'image-to-video', imageId, resolution: '480p', aspectRatio: '4:3' }).success).toBe(true);
  });

  it('reports the model’s limits beside other mistakes', () => {
    const errors = errorsOf({ resolution: '480p', seed: -1 });
    expect(errors.resolution).toEqual(['480p is only on Wan 2.5 Video; Wan 2.5 offers 720p or 1080p']);
    expect(errors.seed).toEqual(['Seed must be 0 or more']);
    // Even beside a field the model check reads: the prompt's limit still shows next to a bad duration.
    const both = errorsOf({ prompt: 'x'.repeat(801), duration: 7 });
    expect(both.prompt).toEqual(['Prompt must be at most 800 characters']);
    expect(both.duration).toEqual(['Duration must be 5 or 10 seconds']);
    expect(errorsOf({ resolution: '4k', aspectRatio: '4:3' }).aspectRatio).toBeUndefined();
  });

  it('has sound on the second model only, and each model its own endpoint path', () => {
    expect(Object.values(models).map((model) => [model.path, model.audio])).toEqual([['wan-2-5', false], ['wan-2-5-video', true]]);
  });
});

describe('prices per model', () => {
  const prices = { 'wan-2-5': { '480p': 6, '720p': 6, '1080p': 10 }, 'wan-2-5-video': { '480p': 5, '720p': 10, '1080p': 15 } };
  it('prices each clip at its model’s rate, and a clip naming no model at the first one’s', () => {
    expect(costCents([{ model: 'wan-2-5-video', resolution: '480p', duration: 5 }], prices)).toBe(25);
    expect(costCents([{ model: 'wan-2-5-video', resolution: '1080p', duration: 10 }], prices)).toBe(150);
    expect(costCents([{ resolution: '1080p', duration: 10 }], prices)).toBe(100);
  });
});

describe('switching model keeps what is still valid (fitToModel)', () => {
  const values = { model: 'wan-2-5-video', mode: 'text-to-video', prompt: 'a fox', resolution: '480p', aspectRatio: '4:3', duration: 10 } as const;

  it('changes 480p and a 4:3 frame on the way to wan-2-5, saying which and why', () => {
    const fitted = fitToModel({ ...values, aspectRatio: '1:1' }, 'wan-2-5');
    expect(fitted.values).toEqual({ ...values, aspectRatio: '1:1', model: 'wan-2-5', resolution: '720p' });
    expect(fitted.changes).toEqual(['Resolution is now 720p: Wan 2.5 has no 480p.']);
    const both = fitToModel({ ...values, resolution: '1080p' }, 'wan-2-5');
    expect(both.values).toMatchObject({ resolution: '1080p', aspectRatio: '16:9', duration: 10 });
    expect(both.changes).toEqual(['Aspect ratio is now 16:9: Wan 2.5 has no 4:3 at 1080p.']);
  });

  it('changes nothing on the way to wan-2-5-video: every wan-2-5 value is valid there', () => {
    const fitted = fitToModel({ ...values, model: 'wan-2-5', resolution: '1080p', aspectRatio: '9:16' }, 'wan-2-5-video');
    expect(fitted.changes).toEqual([]);
    expect(fitted.values).toMatchObject({ model: 'wan-2-5-video', resolution: '1080p', aspectRatio: '9:16' });
  });

  it('never cuts a prompt over the new model’s limit, but says so', () => {
    const prompt = 'y'.repeat(1000);
    const fitted = fitToModel({ ...values, resolution: '720p', aspectRatio: '16:9', prompt }, 'wan-2-5');
    expect(fitted.values.prompt).toBe(prompt);
    expect(fitted.changes).toEqual(['The prompt is over Wan 2.5’s 800 characters: shorten it before generating.']);
  });

  it('removes a sound track on the way to wan-2-5, saying so, and keeps it on wan-2-5-video', () => {
    const soundTrack = { id: 't1' };
    const fitted = fitToModel({ ...values, resolution: '720p', aspectRatio: '16:9', soundTrack }, 'wan-2-5');
    expect(fitted.values.soundTrack).toBeNull();
    expect(fitted.changes).toEqual(['The sound track is removed: Wan 2.5 makes silent clips.']);
    const kept = { ...values, aspectRatio: '16:9', soundTrack } as const;
    expect(fitToModel(kept, 'wan-2-5-video')).toEqual({ values: kept, changes: [] });
  });

  it('leaves an image-to-video frame alone (none is sent)', () => {
    expect(fitToModel({ ...values, mode: 'image-to-video', resolution: '720p' }, 'wan-2-5').changes).toEqual([]);
  });

  it('fits a frame within one model when the resolution changes (4:3 at 480p)', () => {
    const fitted = fitToModel({ ...values, resolution: '480p', aspectRatio: '4:3' }, 'wan-2-5-video');
    expect(fitted.values.aspectRatio).toBe('16:9');
    expect(fitted.changes).toEqual(['Aspect ratio is now 16:9: Wan 2.5 Video has no 4:3 at 480p.']);
  });
});
