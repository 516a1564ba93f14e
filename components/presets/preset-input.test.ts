import { describe, expect, it } from 'vitest';
import { applySetup, FRAME_MISSING } from '@/lib/presets/apply';
import { presetFrameId, savePresetSchema } from '@/lib/presets/schemas';
import { defaultFormValues, type StudioFormValues } from '../studio-form-values';
import { presetInputOf } from './preset-input';

const values = { ...defaultFormValues(7), prompt: 'a fox', negativePrompt: 'blurry', resolution: '1080p' as const, duration: 10 as const };

describe('what a preset keeps of the form', () => {
  it('keeps every parameter, the prompt only when asked, and the seed only when it is locked', () => {
    const input = presetInputOf(values, { kind: 'setup', name: 'Look', shared: false, includePrompt: false });
    expect(input.settings).toEqual({ model: 'wan-2-5', mode: 'text-to-video', resolution: '1080p', aspectRatio: '16:9', duration: 10, enablePromptExpansion: true, provider: 'auto', requestType: 'async', negativePrompt: 'blurry', seed: null });
    expect(presetInputOf({ ...values, seedLocked: true }, { kind: 'setup', name: 'Look', shared: true, includePrompt: true }).settings).toMatchObject({ seed: 7, prompt: 'a fox' });
  });

  it('refuses a locked seed that is not a number, through the save schema', () => {
    const input = presetInputOf({ ...values, seed: '12a', seedLocked: true }, { kind: 'setup', name: 'Look', shared: false, includePrompt: false });
    expect(savePresetSchema.safeParse(input).error?.issues[0]?.message).toBe('Seed must be a whole number');
  });

  it('keeps only the negative prompt for a negative-prompt preset', () => {
    expect(presetInputOf(values, { kind: 'negative', name: 'Blur', shared: false, includePrompt: true }).settings).toEqual({ negativePrompt: 'blurry' });
  });
});

describe('a setup preset round trip (save, then apply)', () => {
  // Every field of the form, each away from its default: a new field must be added here (the type asks for it),
  // and then fails this test until both the save mapping and applySetup carry it.
  const everything: StudioFormValues = {
    model: 'wan-2-5-video',
    mode: 'image-to-video',
    startImage: { id: '7b0c1a52-6f0e-4f5e-9c55-2f1d0c7f8a11', previewUrl: '/api/images/x', width: 1280, height: 720 },
    soundTrack: { id: '3c2e1a52-6f0e-4f5e-9c55-2f1d0c7f8a22', label: 'voice.wav', seconds: 4, format: 'wav', previewUrl: '/a/x.wav' },
    prompt: 'a lighthouse at dusk',
    negativePrompt: 'text, watermark',
    seed: '4242',
    seedLocked: true,
    resolution: '1080p',
    aspectRatio: '9:16',
    duration: 10,
    enablePromptExpansion: false,
    provider: 'official',
    requestType: 'callback',
  };

  it('covers every field of the form, each set away from its default', () => {
    const defaults = defaultFormValues(1);
    expect(Object.keys(everything).sort()).toEqual(Object.keys(defaults).sort());
    for (const key of Object.keys(defaults) as (keyof StudioFormValues)[]) expect(everything[key], key).not.toEqual(defaults[key]);
  });

  // What is stored, as the database gives it back (JSON).
  const stored = (values: StudioFormValues): unknown =>
    JSON.parse(JSON.stringify(savePresetSchema.parse(presetInputOf(values, { kind: 'setup', name: 'Dusk', shared: false, includePrompt: true })).settings));

  it('gives back every value, the start frame included (named by the team’s image id, read back by the server)', () => {
    const saved = stored(everything);
    expect(presetFrameId(saved)).toBe(everything.startImage?.id);
    // The server reads the frame it names for the member's team (lib/presets/start-frames.ts).
    const { values, notes } = applySetup(saved, { webhookAvailable: true, startImage: everything.startImage });
    expect(notes).toEqual([]);
    // A setup is the look, not the sound: the track is the clip's own, and applying leaves the form's alone.
    const { soundTrack: _track, ...look } = everything;
    expect(saved).not.toHaveProperty('audioId');
    expect(values).toEqual(look);
  });

  it('keeps no start frame for a text-to-video setup, and leaves the form’s frame alone when applied', () => {
    const saved = stored({ ...everything, mode: 'text-to-video' });
    expect(saved).not.toHaveProperty('imageId');
    expect(applySetup(saved, { webhookAvailable: true, startImage: null }).values).not.toHaveProperty('startImage');
  });

  it('applies everything else when the frame is gone, saying so and emptying the frame', () => {
    const { values, notes } = applySetup(stored(everything), { webhookAvailable: true, startImage: 'missing' });
    expect(notes).toEqual([FRAME_MISSING]);
    const { soundTrack: _track, ...look } = everything;
    expect(values).toEqual({ ...look, startImage: null });
  });
});
