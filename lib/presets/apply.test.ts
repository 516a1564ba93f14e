import { describe, expect, it } from 'vitest';
import { applySetup } from './apply';
import { savePresetSchema } from './schemas';

const saved = {
  mode: 'text-to-video',
  resolution: '1080p',
  aspectRatio: '9:16',
  duration: 10,
  enablePromptExpansion: false,
  provider: 'official',
  requestType: 'callback',
  negativePrompt: 'blurry',
  seed: 42,
};

describe('applying a saved setup', () => {
  it('fills every saved parameter, a saved seed locked', () => {
    const { values, notes } = applySetup({ ...saved, prompt: 'a fox in the snow' }, { webhookAvailable: true });
    expect(notes).toEqual([]);
    // Saved before there were two models: the first.
    expect(values).toEqual({ ...saved, model: 'wan-2-5', prompt: 'a fox in the snow', seed: '42', seedLocked: true });
  });

  it('leaves the prompt alone when the preset did not keep it, and unlocks the seed for a random-seed preset', () => {
    const { values } = applySetup({ ...saved, seed: null }, { webhookAvailable: true });
    expect(values).not.toHaveProperty('prompt');
    expect(values.seedLocked).toBe(false);
    expect(values).not.toHaveProperty('seed');
  });

  it('replaces values the schema no longer takes by the defaults, saying what changed', () => {
    const { values, notes } = applySetup({ ...saved, resolution: '4k', duration: 7, provider: 'cheapest', seed: -3 }, { webhookAvailable: true });
    expect(values).toMatchObject({ resolution: '720p', duration: 5, provider: 'auto', seedLocked: false, aspectRatio: '9:16' });
    expect(notes).toEqual([
      'Resolution “4k” is no longer offered: “720p” instead.',
      'Duration 7 is no longer offered: 5 instead.',
      'Provider “cheapest” is no longer offered: “auto” instead.',
      'Seed -3 is out of range: a random seed instead.',
    ]);
  });

  it('fits a setup to its model: an old one (no model) at 480p 4:3 becomes 720p 16:9 on wan-2-5, saying why', () => {
    const { values, notes } = applySetup({ ...saved, resolution: '480p', aspectRatio: '4:3' }, { webhookAvailable: true });
    expect(values).toMatchObject({ model: 'wan-2-5', resolution: '720p', aspectRatio: '16:9' });
    expect(notes).toEqual(['Resolution is now 720p: Wan 2.5 has no 480p.', 'Aspect ratio is now 16:9: Wan 2.5 has no 4:3 at 720p.']);
  });

  it('keeps a wan-2-5-video setup at 480p, and its 1 500-character prompt', () => {
    const prompt = 'p'.repeat(1500);
    const { values, notes } = applySetup({ ...saved, model: 'wan-2-5-video', resolution: '480p', aspectRatio: '1:1', prompt }, { webhookAvailable: true });
    expect(notes).toEqual([]);
    expect(values).toMatchObject({ model: 'wan-2-5-video', resolution: '480p', aspectRatio: '1:1', prompt });
    expect(applySetup({ ...saved, model: 'wan-2-5-video', prompt: prompt + 'p' }, { webhookAvailable: true }).notes).toEqual(['Prompt must be at most 1500 characters: edit it before generating.']);
  });

  it('falls back to polling where webhooks are unavailable', () => {
    const { values, notes } = applySetup(saved, { webhookAvailable: false });
    expect(values.requestType).toBe('async');
    expect(notes).toEqual(['Webhook delivery is not available on this studio: Polling instead.']);
  });

  it('fills a prompt over today’s limit as saved (never cut) and says so', () => {
    const prompt = 'x'.repeat(900);
    const { values, notes } = applySetup({ prompt }, { webhookAvailable: true });
    expect(values.prompt).toBe(prompt);
    expect(notes).toEqual(['Prompt must be at most 800 characters: edit it before generating.']);
  });

  describe('the start frame of an image-to-video setup', () => {
    const frame = { id: '0b9f4c1e-2d3a-4b5c-8d6e-7f8091a2b3c4', previewUrl: '/i/abc.png', width: 400, height: 300 };
    const i2v = { ...saved, mode: 'image-to-video', imageId: frame.id };

    it('brings the frame back as the server read it', () => {
      const { values, notes } = applySetup(i2v, { webhookAvailable: true, startImage: frame });
      expect(notes).toEqual([]);
      expect(values).toMatchObject({ mode: 'image-to-video', startImage: frame, resolution: '1080p' });
    });

    it('says plainly when the frame is gone, empties it, and applies the rest', () => {
      const { values, notes } = applySetup(i2v, { webhookAvailable: true, startImage: 'missing' });
      expect(notes).toEqual(['The start image saved with this preset is no longer in the team’s storage: choose one again. The rest of the preset was applied.']);
      expect(values).toMatchObject({ mode: 'image-to-video', startImage: null, resolution: '1080p', duration: 10, seed: '42' });
    });

    it('leaves the form’s frame alone for a setup that kept none (text-to-video, or saved before frames were kept)', () => {
      expect(applySetup(saved, { webhookAvailable: true, startImage: null }).values).not.toHaveProperty('startImage');
      expect(applySetup({ ...saved, mode: 'image-to-video' }, { webhookAvailable: true }).values).not.toHaveProperty('startImage');
    });
  });

  it('changes nothing for a preset that is not an object', () => {
    expect(applySetup('garbage', { webhookAvailable: true })).toEqual({ values: {}, notes: ['This preset could not be read; nothing was changed.'] });
  });
});

describe('the save schema', () => {
  const base = { kind: 'setup', name: 'Night city', shared: false, settings: saved } as const;

  it('takes a whole setup, and a negative-prompt preset', () => {
    expect(savePresetSchema.safeParse(base).success).toBe(true);
    expect(savePresetSchema.safeParse({ kind: 'negative', name: 'Blur', settings: { negativePrompt: 'blurry' } }).data).toMatchObject({ shared: false });
  });

  it('keeps a start frame for an image-to-video setup only', () => {
    const imageId = '0b9f4c1e-2d3a-4b5c-8d6e-7f8091a2b3c4';
    expect(savePresetSchema.parse({ ...base, settings: { ...saved, mode: 'image-to-video', imageId } }).settings).toMatchObject({ imageId });
    expect(savePresetSchema.parse({ ...base, settings: { ...saved, imageId } }).settings).not.toHaveProperty('imageId');
  });

  it.each([
    [{ ...base, settings: { ...saved, mode: 'image-to-video', imageId: '../etc/passwd' } }, 'That start image does not exist.'],
    [{ ...base, name: '  ' }, 'Name the preset'],
    [{ ...base, name: 'x'.repeat(61) }, 'A preset name is at most 60 characters'],
    [{ ...base, name: 'two\nlines' }, 'A preset name is one line of text'],
    [{ ...base, settings: { ...saved, resolution: '4k' } }, 'Resolution must be 480p, 720p or 1080p'],
    [{ ...base, settings: { ...saved, seed: 2 ** 31 } }, 'Seed must be at most 2147483647'],
    [{ ...base, settings: { ...saved, resolution: '480p' } }, '480p is only on Wan 2.5 Video; Wan 2.5 offers 720p or 1080p'],
    [{ ...base, settings: { ...saved, model: 'wan-2-5-video', resolution: '480p', aspectRatio: '3:4' } }, '3:4 is only at 720p or 1080p on Wan 2.5 Video'],
    [{ ...base, settings: { ...saved, prompt: '' } }, 'Describe the video you want'],
    [{ kind: 'negative', name: 'Empty', settings: { negativePrompt: '' } }, 'Write a negative prompt to save'],
  ])('refuses %j', (input, message) => {
    const parsed = savePresetSchema.safeParse(input);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});
