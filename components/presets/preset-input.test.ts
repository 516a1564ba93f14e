import { describe, expect, it } from 'vitest';
import { savePresetSchema } from '@/lib/presets/schemas';
import { defaultFormValues } from '../studio-form-values';
import { presetInputOf } from './preset-input';

const values = { ...defaultFormValues(7), prompt: 'a fox', negativePrompt: 'blurry', resolution: '1080p' as const, duration: 10 as const };

describe('what a preset keeps of the form', () => {
  it('keeps every parameter, the prompt only when asked, and the seed only when it is locked', () => {
    const input = presetInputOf(values, { kind: 'setup', name: 'Look', shared: false, includePrompt: false });
    expect(input.settings).toEqual({ mode: 'text-to-video', resolution: '1080p', aspectRatio: '16:9', duration: 10, enablePromptExpansion: true, provider: 'auto', requestType: 'async', negativePrompt: 'blurry', seed: null });
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
