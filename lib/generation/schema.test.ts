import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, generationRequestSchema, NEGATIVE_PROMPT_MAX, PROMPT_MAX, SEED_MAX, formatUsd } from './schema';

const parse = (input: Record<string, unknown>) => generationRequestSchema.safeParse({ prompt: 'a fox in snow', ...input });

function errorsOf(input: Record<string, unknown>) {
  const result = parse(input);
  if (result.success) throw new Error('expected a validation error');
  return fieldErrorsOf(result.error);
}

describe('generationRequestSchema', () => {
  it('fills every documented default', () => {
    const result = generationRequestSchema.parse({ prompt: 'a fox in snow' });
    expect(result).toEqual({
      model: 'wan-2-5',
      mode: 'text-to-video',
      prompt: 'a fox in snow',
      negativePrompt: undefined,
      resolution: '720p',
      aspectRatio: '16:9',
      duration: 5,
      enablePromptExpansion: true,
      provider: 'auto',
      requestType: 'async',
    });
    expect(result.seed).toBeUndefined();
  });

  it('accepts a prompt of exactly 800 characters and refuses 801', () => {
    expect(parse({ prompt: 'x'.repeat(PROMPT_MAX) }).success).toBe(true);
    expect(errorsOf({ prompt: 'x'.repeat(PROMPT_MAX + 1) }).prompt).toEqual(['Prompt must be at most 800 characters']);
  });

  it('refuses an empty or blank prompt', () => {
    expect(errorsOf({ prompt: '' }).prompt).toEqual(['Describe the video you want']);
    expect(errorsOf({ prompt: '   ' }).prompt).toEqual(['Describe the video you want']);
  });

  it('limits the negative prompt to 500 characters and drops an empty one', () => {
    expect(parse({ negativePrompt: 'n'.repeat(NEGATIVE_PROMPT_MAX) }).success).toBe(true);
    expect(errorsOf({ negativePrompt: 'n'.repeat(NEGATIVE_PROMPT_MAX + 1) }).negativePrompt).toEqual([
      'Negative prompt must be at most 500 characters',
    ]);
    expect(generationRequestSchema.parse({ prompt: 'p', negativePrompt: '  ' }).negativePrompt).toBeUndefined();
  });

  it('takes seeds from 0 to 2147483647, whole numbers only', () => {
    expect(parse({ seed: 0 }).success).toBe(true);
    expect(parse({ seed: SEED_MAX }).success).toBe(true);
    expect(errorsOf({ seed: SEED_MAX + 1 }).seed).toEqual(['Seed must be at most 2147483647']);
    expect(errorsOf({ seed: -1 }).seed).toEqual(['Seed must be 0 or more']);
    expect(errorsOf({ seed: 1.5 }).seed).toEqual(['Seed must be a whole number']);
    expect(errorsOf({ seed: Number.NaN }).seed).toEqual(['Seed must be a whole number']);
  });

  it('allows only the documented resolutions, aspect ratios, durations and providers', () => {
    expect(errorsOf({ resolution: '4k' }).resolution).toEqual(['Resolution must be 480p, 720p or 1080p']);
    expect(errorsOf({ aspectRatio: '21:9' }).aspectRatio).toEqual(['Aspect ratio must be 16:9, 9:16, 1:1, 4:3 or 3:4']);
    expect(errorsOf({ model: 'wan-3' }).model).toEqual(['Model must be wan-2-5 or wan-2-5-video']);
    expect(errorsOf({ duration: 7 }).duration).toEqual(['Duration must be 5 or 10 seconds']);
    expect(errorsOf({ duration: '5' }).duration).toEqual(['Duration must be 5 or 10 seconds']);
    expect(errorsOf({ provider: 'cheap' }).provider).toEqual(['Provider must be auto, value or official']);
    for (const ok of [{ resolution: '1080p' }, { aspectRatio: '9:16' }, { aspectRatio: '1:1' }, { duration: 10 }, { provider: 'official' }]) {
      expect(parse(ok).success).toBe(true);
    }
  });

  it('needs exactly one image for image-to-video and none for text-to-video', () => {
    expect(errorsOf({ mode: 'image-to-video' }).imageUrls).toEqual(['Image-to-video needs exactly one start image']);
    expect(parse({ mode: 'image-to-video', imageUrls: ['https://example.com/a.png'] }).success).toBe(true);
    expect(errorsOf({ imageUrls: ['https://example.com/a.png'] }).imageUrls).toEqual(['Text-to-video takes no image']);
    expect(errorsOf({ mode: 'image-to-video', imageUrls: ['not a url'] }).imageUrls).toEqual(['Image link must be a valid URL']);
  });
});

describe('control characters never reach the service', () => {
  it('a prompt with NUL and ESC is refused, naming them; newline and tab are kept', () => {
    const refused = generationRequestSchema.safeParse({ prompt: 'a fox\u0000 in snow\u001b[31m' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('The prompt contains control characters (U+0000 NUL, U+001B ESC); remove them.');
    expect(refused.error?.issues[0]?.path).toEqual(['prompt']);
    const kept = generationRequestSchema.parse({ prompt: 'line one\n\tline two' });
    expect(kept.prompt).toBe('line one\n\tline two');
  });

  it('Windows line ends become newlines; a lone DEL or C1 control in the negative prompt is refused', () => {
    expect(generationRequestSchema.parse({ prompt: 'one\r\ntwo' }).prompt).toBe('one\ntwo');
    const refused = generationRequestSchema.safeParse({ prompt: 'fine', negativePrompt: 'blur\u007f\u0085' });
    expect(refused.error?.issues[0]?.message).toBe('The negative prompt contains control characters (U+007F DEL, U+0085); remove them.');
  });
});

describe('formatUsd', () => {
  it('writes cents the way en-US currency formatting does', () => {
    const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    for (const cents of [0, 1, 9, 10, 99, 100, 150, 2500, 99_999, 100_000, 123_456_789, -1, -250, 0.4, 12.5, 1234.6]) {
      expect(formatUsd(cents), `${cents} cents`).toBe(intl.format(Math.round(cents) / 100));
    }
  });
});
