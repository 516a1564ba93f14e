import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '@/lib/generation/schema';
import { batchRequests, planColumns, problemLine } from './batch-requests';

const base = generationRequestSchema.parse({ prompt: 'the base prompt', resolution: '1080p', duration: 10, negativePrompt: 'blur' });
const rowsOf = (cells: Record<string, unknown>[]) => cells.map((c, i) => ({ row: i + 1, cells: c }));
const run = (columns: string[], cells: Record<string, unknown>[]) => batchRequests(rowsOf(cells), planColumns(columns), base);

describe('a batch row as a request', () => {
  it('takes every missing or empty cell from the base setup, so a list of prompts works', () => {
    const [first, second] = run(['prompt', 'Seed'], [{ prompt: 'a fox', Seed: '' }, { prompt: 'a crane', Seed: '42' }]);
    expect(first?.request).toMatchObject({ prompt: 'a fox', resolution: '1080p', duration: 10, negativePrompt: 'blur' });
    expect(first?.request?.seed).toBeUndefined();
    expect(second?.request).toMatchObject({ prompt: 'a crane', seed: 42 });
  });

  it('reads the ways a spreadsheet writes values: 10s, 720, yes/no, 16x9, upper case', () => {
    const [row] = run(['Prompt', 'Duration', 'Res', 'Aspect Ratio', 'Prompt expansion', 'MODEL'], [
      { Prompt: 'a fox', Duration: '5s', Res: '720', 'Aspect Ratio': '9x16', 'Prompt expansion': 'No', MODEL: 'WAN-2-5-VIDEO' },
    ]);
    expect(row?.problems).toEqual([]);
    expect(row?.request).toMatchObject({ duration: 5, resolution: '720p', aspectRatio: '9:16', enablePromptExpansion: false, model: 'wan-2-5-video' });
  });

  it('names the row and the column of each problem, in the schema’s words', () => {
    const [good, bad] = run(['prompt', 'duration', 'seed'], [{ prompt: 'a fox', duration: '10', seed: '1' }, { prompt: 'a fox', duration: '7', seed: 'abc' }]);
    expect(good?.problems).toEqual([]);
    expect(bad?.request).toBeNull();
    expect(bad?.problems.map(problemLine)).toEqual(['Row 2, duration: Duration must be 5 or 10 seconds', 'Row 2, seed: Seed must be a whole number (or “random”)']);
  });

  it('checks each row against its own model: 480p is only for the second model', () => {
    const [first, second] = run(['prompt', 'model', 'resolution'], [{ prompt: 'a', model: 'wan-2-5', resolution: '480p' }, { prompt: 'a', model: 'wan-2-5-video', resolution: '480p' }]);
    expect(first?.problems[0]).toMatchObject({ row: 1, column: 'resolution' });
    expect(second?.problems).toEqual([]);
  });

  it('makes a row with a start image link image-to-video, and says when a row needs a prompt', () => {
    const [image, empty] = run(['prompt', 'image_url'], [{ prompt: '', image_url: 'https://example.com/a.png' }, { prompt: '', image_url: '' }]);
    expect(image?.request).toMatchObject({ mode: 'image-to-video', imageUrls: ['https://example.com/a.png'], prompt: 'the base prompt' });
    expect(empty?.request).toMatchObject({ mode: 'text-to-video', prompt: 'the base prompt' });
    const [noPrompt] = batchRequests(rowsOf([{ seed: '3' }]), planColumns(['seed']), { ...base, prompt: '' });
    expect(noPrompt?.problems.map(problemLine)).toEqual(['Row 1, prompt (from the base setup): Describe the video you want']);
  });

  it('refuses control characters in a cell and keeps the prompt’s own line breaks', () => {
    const [row, broken] = run(['prompt'], [{ prompt: 'first line\r\nsecond line' }, { prompt: 'bell\u0007' }]);
    expect(row?.request?.prompt).toBe('first line\nsecond line');
    expect(broken?.problems[0]?.message).toMatch(/control characters \(U\+0007 BEL\)/);
  });

  it('reads back its own export: a formula-looking prompt loses the apostrophe the export put before it', () => {
    const [row] = run(['prompt'], [{ prompt: "'=HYPERLINK(\"x\")" }]);
    expect(row?.request?.prompt).toBe('=HYPERLINK("x")');
    const [kept] = run(['prompt'], [{ prompt: "'tis the season" }]);
    expect(kept?.request?.prompt).toBe("'tis the season");
  });

  it('says what is wrong with a seed that is a number but out of range', () => {
    const [row] = run(['prompt', 'seed'], [{ prompt: 'a', seed: '-1' }]);
    expect(row?.problems.map(problemLine)).toEqual(['Row 1, seed: Seed must be 0 or more']);
    const [big] = run(['prompt', 'seed'], [{ prompt: 'a', seed: 99999999999 }]);
    expect(big?.problems.map(problemLine)).toEqual(['Row 1, seed: Seed must be at most 2147483647']);
  });

  it('takes JSON Lines values as they are typed', () => {
    const [row] = run(['prompt', 'seed', 'enable_prompt_expansion', 'duration'], [{ prompt: 'a', seed: 9, enable_prompt_expansion: false, duration: 5 }]);
    expect(row?.request).toMatchObject({ seed: 9, enablePromptExpansion: false, duration: 5 });
    const [wrong] = run(['seed'], [{ seed: 1.5 }]);
    expect(wrong?.problems.map(problemLine)).toEqual(['Row 1, seed: Seed must be a whole number (or “random”)']);
  });
});

describe('a batch file’s columns', () => {
  it('ignores columns that set nothing, and refuses two columns for one field', () => {
    const plan = planColumns(['Shot', 'prompt', 'notes', 'Negative Prompt', 'negative']);
    expect(plan.ignored).toEqual(['Shot', 'notes']);
    expect(plan.clashes).toEqual(['The columns “Negative Prompt” and “negative” both set the negativePrompt: keep one.']);
  });
});
