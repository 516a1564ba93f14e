import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { BATCH_MAX_BYTES, BATCH_MAX_ROWS, batchFormatOf, delimiterOf, readBatchRows } from './batch-rows';
import { inertCell, toCsv } from './csv-cell';

/** A file as the network delivers it: bytes in chunks of `size`, split anywhere (inside a quote, a character). */
async function* chunks(text: string | Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const read = (text: string, format: 'csv' | 'jsonl' = 'csv', size?: number) => readBatchRows(chunks(text, size), format);

describe('reading a CSV batch', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks inside them', async () => {
    const file = 'prompt,seed\n"a fox, at dawn",7\n"she said ""hello""\nthen left",8\n';
    const result = await read(file);
    expect(result).toEqual({
      ok: true,
      columns: ['prompt', 'seed'],
      rows: [
        { row: 1, cells: { prompt: 'a fox, at dawn', seed: '7' } },
        { row: 2, cells: { prompt: 'she said "hello"\nthen left', seed: '8' } },
      ],
    });
  });

  it('drops a UTF-8 byte-order mark (Excel’s “CSV UTF-8”) and splits multi-byte characters across chunks safely', async () => {
    const result = await read('\uFEFFprompt\r\nüber den Wolken, 雲の上\r\n', 'csv', 3);
    expect(result.ok && result.columns).toEqual(['prompt']);
    expect(result.ok && result.rows[0]?.cells.prompt).toBe('über den Wolken, 雲の上');
  });

  it('reads a tab-separated paste from a spreadsheet and a semicolon file from a European Excel', async () => {
    const tabs = await read('prompt\tduration\na fox, running\t10\n');
    expect(tabs.ok && tabs.rows[0]?.cells).toEqual({ prompt: 'a fox, running', duration: '10' });
    const semis = await read('prompt;duration\n"a fox; running";10\n');
    expect(semis.ok && semis.rows[0]?.cells).toEqual({ prompt: 'a fox; running', duration: '10' });
    expect(delimiterOf('prompt,seed')).toBe(',');
  });

  it('reads a plain list of prompts (quotes and later commas included) when its first line has no separator and names no column', async () => {
    const isColumn = (name: string) => name.toLowerCase() === 'prompt';
    const list = await readBatchRows(chunks('A neon sign reading "OPEN"\na crane, in fog\n'), 'csv', { isColumn });
    expect(list).toEqual({ ok: true, columns: ['prompt'], rows: [{ row: 1, cells: { prompt: 'A neon sign reading "OPEN"' } }, { row: 2, cells: { prompt: 'a crane, in fog' } }] });
    const headed = await readBatchRows(chunks('Prompt\na fox, at dawn\n'), 'csv', { isColumn });
    expect(headed.ok && headed.rows).toEqual([{ row: 1, cells: { Prompt: 'a fox, at dawn' } }]);
    // A first line with separators is a header, even one naming nothing the studio reads: never guessed to be a prompt.
    const header = await readBatchRows(chunks('Shot,Scene Description,Notes\n1,a lighthouse,calm\n'), 'csv', { isColumn });
    expect(header.ok && header.columns).toEqual(['Shot', 'Scene Description', 'Notes']);
  });

  it('skips blank lines and Excel’s “sep=” line before the header', async () => {
    const result = await read('\n\nsep=;\nprompt;seed\na fox, running;3\n');
    expect(result.ok && result.rows).toEqual([{ row: 1, cells: { prompt: 'a fox, running', seed: '3' } }]);
  });

  it('answers an upload that broke off in words, not with an error', async () => {
    async function* broken() {
      yield 'prompt\na fox\n';
      throw new Error('socket hang up');
    }
    expect(await readBatchRows(broken(), 'csv')).toEqual({ ok: false, message: 'The upload was interrupted; nothing was read. Try again.' });
  });

  it('skips blank lines and the empty rows a spreadsheet leaves at the end', async () => {
    const result = await read('prompt,seed\n\na fox,1\n,\n,\n');
    expect(result.ok && result.rows.map((row) => row.cells.prompt)).toEqual(['a fox']);
  });

  it('names the line of a row with the wrong number of cells, and an unclosed quote', async () => {
    const ragged = await read('prompt,seed\na fox,1\na fox, running,2\n');
    expect(ragged).toEqual({ ok: false, message: expect.stringMatching(/^Line 3: .*different number of cells/) });
    const open = await read('prompt,seed\n"a fox,1\n');
    expect(open.ok).toBe(false);
    expect(!open.ok && open.message).toMatch(/never closed/);
  });

  it('refuses a header naming a column twice', async () => {
    expect(await read('prompt,Prompt\na,b\n')).toEqual({ ok: false, message: 'The header line names the column “Prompt” twice.' });
  });

  it('refuses an empty file and a header with no rows', async () => {
    expect((await read('')).ok).toBe(false);
    expect(await read('prompt,seed\n')).toEqual({ ok: false, message: expect.stringMatching(/no rows/) });
  });

  it(`reads ${BATCH_MAX_ROWS} rows and refuses ${BATCH_MAX_ROWS + 1}`, async () => {
    const rows = (n: number) => `prompt\n${Array.from({ length: n }, (_, i) => `shot ${i + 1}`).join('\n')}\n`;
    const full = await read(rows(BATCH_MAX_ROWS), 'csv', 4096);
    expect(full.ok && full.rows.length).toBe(BATCH_MAX_ROWS);
    expect(full.ok && full.rows.at(-1)).toEqual({ row: BATCH_MAX_ROWS, cells: { prompt: `shot ${BATCH_MAX_ROWS}` } });
    expect(await read(rows(BATCH_MAX_ROWS + 1), 'csv', 4096)).toEqual({ ok: false, message: expect.stringMatching(/more than 500 rows/) });
  });

  it('stops a 10 000-row file at row 501 without reading the rest', async () => {
    let served = 0;
    const line = 'a calm lake at dusk, slow dolly in\n';
    async function* tenThousand() {
      yield 'prompt\n';
      for (let i = 0; i < 10_000; i += 1) {
        served += 1;
        yield line;
      }
    }
    const result = await readBatchRows(tenThousand(), 'csv');
    expect(result.ok).toBe(false);
    expect(served).toBeLessThan(2_000);
  });

  it('refuses a 50 MB file (one huge row) after reading little more than the row limit, never the whole file', async () => {
    let served = 0;
    async function* fiftyMegabytes() {
      yield 'prompt\n"';
      const block = 'x'.repeat(1024 * 1024);
      for (let i = 0; i < 50; i += 1) {
        served += block.length;
        yield block;
      }
      yield '"\n';
    }
    const result = await readBatchRows(fiftyMegabytes(), 'csv');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/longer than 64 KB/) });
    expect(served).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('refuses a file over the byte limit before parsing past it', async () => {
    async function* manySmallRows() {
      yield 'prompt,notes\n';
      const row = `a,${'n'.repeat(60 * 1024)}\n`;
      for (let i = 0; i < 200; i += 1) yield row;
    }
    const result = await readBatchRows(manySmallRows(), 'csv');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/larger than 8 MB/) });
    expect(BATCH_MAX_BYTES).toBe(8 * 1024 * 1024);
  });

  it('refuses text that is not UTF-8 (a Latin-1 export) with a way out', async () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode('prompt\nJos'), 0xe9, 0x0a]);
    expect(await readBatchRows(chunks(latin1), 'csv')).toEqual({ ok: false, message: expect.stringMatching(/not UTF-8.*CSV UTF-8/) });
  });
});

describe('reading a JSON Lines batch', () => {
  it('keeps JSON types and names every column seen', async () => {
    const result = await read('{"prompt":"a fox","seed":7}\r\n\n{"prompt":"a crane","duration":10,"enable_prompt_expansion":false}\n', 'jsonl', 5);
    expect(result).toEqual({
      ok: true,
      columns: ['prompt', 'seed', 'duration', 'enable_prompt_expansion'],
      rows: [
        { row: 1, cells: { prompt: 'a fox', seed: 7 } },
        { row: 2, cells: { prompt: 'a crane', duration: 10, enable_prompt_expansion: false } },
      ],
    });
  });

  it('names the line that is not JSON or not an object', async () => {
    expect(await read('{"prompt":"a"}\n{"prompt":\n', 'jsonl')).toEqual({ ok: false, message: expect.stringMatching(/^Line 2 is not valid JSON/) });
    expect(await read('{"prompt":"a"}\n[1,2]\n', 'jsonl')).toEqual({ ok: false, message: expect.stringMatching(/^Line 2 is not a JSON object/) });
  });

  it('refuses a whole line over 64 KB, not only an unfinished one', async () => {
    const long = `{"prompt":"${'z'.repeat(70 * 1024)}"}\n{"prompt":"b"}\n`;
    expect(await read(long, 'jsonl', 200 * 1024)).toEqual({ ok: false, message: 'Line 1 is longer than 64 KB.' });
  });

  it('refuses a line that never ends before holding it all', async () => {
    async function* endless() {
      yield '{"prompt":"';
      for (let i = 0; i < 100; i += 1) yield 'y'.repeat(64 * 1024);
    }
    expect(await readBatchRows(endless(), 'jsonl')).toEqual({ ok: false, message: expect.stringMatching(/^Line 1 is longer than 64 KB/) });
  });
});

describe('choosing the format', () => {
  it('follows the file name, else the first character', () => {
    expect(batchFormatOf({ fileName: 'Shots.JSONL' })).toBe('jsonl');
    expect(batchFormatOf({ fileName: 'shots.tsv', firstChar: '{' })).toBe('csv');
    expect(batchFormatOf({ firstChar: '{' })).toBe('jsonl');
    expect(batchFormatOf({ firstChar: 'p' })).toBe('csv');
  });
});

describe('writing cells back out', () => {
  it('never writes a formula-looking cell unescaped, and the file reads back to the same text', () => {
    const hostile = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2', '@SUM(A1)', '\t=1', 'a calm lake'];
    const csv = toCsv(['prompt'], hostile.map((cell) => [cell]));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const back = (parse(csv, { bom: true, columns: true }) as { prompt: string }[]).map((row) => row.prompt);
    expect(back).toEqual(["'=HYPERLINK(\"http://evil.example\",\"click\")", "'+1+1", "'-2", "'@SUM(A1)", "'\t=1", 'a calm lake']);
    for (const cell of back) expect(cell).not.toMatch(/^[=+\-@\t]/);
    expect(csv).toContain('\r\n');
  });

  it('leaves numbers and empty values alone', () => {
    expect(inertCell(-3)).toBe('-3');
    expect(inertCell(null)).toBe('');
  });
});
