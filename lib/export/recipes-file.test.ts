import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '@/lib/generation/schema';
import { buildRecipesFile, parseRecipesFile, RECIPES_MAX_CLIPS, type RecipeClipInput } from './recipes-file';

const ID_A = '0b7c4c52-3f4e-4a59-9a0e-6f1d2c3b4a5d';
const ID_B = '6f1c0f9e-8f0a-4a7e-9d1b-2c3d4e5f6a7b';
const IMAGE_ID = 'a3e1b2c4-5d6e-4f70-8a9b-0c1d2e3f4a5b';

const clips: RecipeClipInput[] = [
  {
    id: ID_A,
    file: `videos/${ID_A}.mp4`,
    sha256: 'ab'.repeat(32),
    createdAt: new Date('2025-11-20T10:00:00.000Z'),
    author: 'Ada',
    recipe: { ...generationRequestSchema.parse({ prompt: "a fox's den at dawn", negativePrompt: 'blur', duration: 10 }), seed: 7 },
    parentId: null,
  },
  {
    id: ID_B,
    file: null,
    sha256: null,
    createdAt: new Date('2025-11-21T08:30:00.000Z'),
    author: 'Grace',
    recipe: {
      ...generationRequestSchema.parse({ prompt: 'bloom', mode: 'image-to-video', imageId: IMAGE_ID, imageUrls: ['https://studio.example/i/f.png'] }),
      seed: 2_147_483_647,
    },
    parentId: ID_A,
  },
];

const built = () => buildRecipesFile({ exportedAt: new Date('2025-11-25T00:00:00.000Z'), clips });

function errorOf(value: unknown): string {
  const result = parseRecipesFile(typeof value === 'string' ? value : JSON.stringify(value));
  if (result.ok) throw new Error('expected a parse error');
  return result.message;
}

describe('recipes.json', () => {
  it('round-trips build → stringify → parse', () => {
    const file = built();
    // An image-to-video recipe is written without the aspect ratio it never sent; reading fills in the default.
    expect(file.clips[1]?.recipe).not.toHaveProperty('aspectRatio');
    const read = { ...file, clips: file.clips.map((clip) => ({ ...clip, recipe: { aspectRatio: '16:9', ...clip.recipe } })) };
    expect(parseRecipesFile(JSON.stringify(file, null, 2))).toEqual({ ok: true, file: read });
    expect(file).toMatchObject({ format: 'wan-studio.recipes', version: 1, exportedAt: '2025-11-25T00:00:00.000Z' });
  });

  it('keeps the start frame’s public link and drops the studio-local imageId', () => {
    const [, imageClip] = built().clips;
    expect(imageClip?.recipe).not.toHaveProperty('imageId');
    expect(imageClip?.recipe.imageUrls).toEqual(['https://studio.example/i/f.png']);
    const parsed = parseRecipesFile(JSON.stringify({ ...built(), clips: [{ ...built().clips[1], recipe: { ...built().clips[1]?.recipe, imageId: IMAGE_ID } }] }));
    expect(parsed.ok && parsed.file.clips[0]?.recipe).not.toHaveProperty('imageId');
  });

  it('reads a file written before there were two models as wan-2-5, and keeps a wan-2-5-video clip’s model', () => {
    const [first] = built().clips;
    const { model: _model, ...oldRecipe } = first?.recipe ?? {};
    const old = parseRecipesFile(JSON.stringify({ ...built(), clips: [{ ...first, recipe: oldRecipe }] }));
    expect(old.ok && old.file.clips[0]?.recipe.model).toBe('wan-2-5');
    const draft = { ...first, recipe: { ...first?.recipe, model: 'wan-2-5-video', resolution: '480p' } };
    const read = parseRecipesFile(JSON.stringify({ ...built(), clips: [draft] }));
    expect(read.ok && read.file.clips[0]?.recipe).toMatchObject({ model: 'wan-2-5-video', resolution: '480p' });
    // The same draft on wan-2-5 is refused, naming the clip.
    expect(errorOf({ ...built(), clips: [{ ...draft, recipe: { ...draft.recipe, model: 'wan-2-5' } }] })).toContain('Clip 1 (clips[0]) recipe.resolution: 480p is only on Wan 2.5 Video');
  });

  it('writes keys in a stable order', () => {
    expect(Object.keys(built().clips[0] ?? {})).toEqual(['id', 'file', 'sha256', 'createdAt', 'author', 'recipe', 'parentId']);
    expect(Object.keys(built().clips[0]?.recipe ?? {})).toEqual([
      'model', 'mode', 'prompt', 'negativePrompt', 'resolution', 'aspectRatio', 'duration', 'seed', 'enablePromptExpansion', 'provider', 'requestType',
    ]);
  });

  it('says plainly when the text is not JSON, or not a recipes file, or a newer version', () => {
    expect(errorOf('{"format": ')).toMatch(/^This is not a JSON file/);
    expect(errorOf([1, 2])).toBe('This is not a Wan Studio recipes file (expected "format": "wan-studio.recipes").');
    expect(errorOf({ format: 'something.else', version: 1, clips: [] })).toMatch(/not a Wan Studio recipes file/);
    expect(errorOf({ ...built(), version: 2 })).toBe('Unsupported recipes file version 2; this studio reads version 1.');
  });

  it('names the clip and field of each error', () => {
    const file = built();
    const broken = {
      ...file,
      clips: [
        file.clips[0],
        { ...file.clips[1], id: 'not-a-uuid', recipe: { ...file.clips[1]?.recipe, seed: undefined, prompt: 'x'.repeat(801) } },
      ],
    };
    const error = errorOf(broken);
    expect(error).toContain('Clip 2 (clips[1]) id: must be a UUID');
    expect(error).toContain('Clip 2 (clips[1]) recipe.prompt: Prompt must be at most 800 characters');
    expect(error).toContain('Clip 2 (clips[1]) recipe.seed: Seed must be a whole number');
    expect(error).not.toContain('Clip 1');
  });

  it('refuses unsafe file names, a missing image link and more than 500 clips', () => {
    const [first, second] = built().clips;
    expect(errorOf({ ...built(), clips: [{ ...first, file: '../etc/passwd' }] })).toMatch(/^Clip 1 \(clips\[0\]\) file: must not contain/);
    expect(errorOf({ ...built(), clips: [{ ...first, file: '/abs.mp4' }] })).toMatch(/file: must be a relative path/);
    const noLink = { ...second, recipe: { ...second?.recipe, imageUrls: undefined, imageId: IMAGE_ID } };
    expect(errorOf({ ...built(), clips: [noLink] })).toBe('Clip 1 (clips[0]) recipe.imageUrls: Image-to-video needs the start frame’s public link');
    const many = Array.from({ length: RECIPES_MAX_CLIPS + 1 }, () => first);
    expect(errorOf({ ...built(), clips: many })).toBe(`clips: at most ${RECIPES_MAX_CLIPS} clips per file`);
    expect(() => buildRecipesFile({ exportedAt: new Date(), clips: Array.from({ length: RECIPES_MAX_CLIPS + 1 }, () => clips[0] as RecipeClipInput) })).toThrow(RangeError);
  });

  it('lists at most five errors', () => {
    const bad = Array.from({ length: 8 }, (_, i) => ({ ...built().clips[0], author: i }));
    const lines = errorOf({ ...built(), clips: bad }).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toBe('…and 3 more');
  });
});
