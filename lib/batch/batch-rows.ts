import 'server-only';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { BATCH_MAX_BYTES, BATCH_MAX_ROW_BYTES, BATCH_MAX_ROWS, type BatchFormat } from './batch-format';

// A batch file, read as it streams in: CSV (comma, semicolon or tab, as a spreadsheet pastes it) or JSON Lines.
// Nothing is read past the row or byte limits: a 50 MB file costs what its first 501 rows cost.

export { BATCH_MAX_BYTES, BATCH_MAX_ROW_BYTES, BATCH_MAX_ROWS, batchFormatOf, type BatchFormat } from './batch-format';

/** One data row: `row` counts data rows from 1 (a CSV header is not a row); cells keyed by the file's own column names. */
export type BatchRow = { row: number; cells: Record<string, unknown> };
export type ReadBatch = { ok: true; columns: string[]; rows: BatchRow[] } | { ok: false; message: string };

const TOO_MANY_ROWS = `This file has more than ${BATCH_MAX_ROWS} rows. Split it into batches of at most ${BATCH_MAX_ROWS}.`;
const TOO_LARGE = `This file is larger than ${BATCH_MAX_BYTES / 1024 / 1024} MB. A batch of ${BATCH_MAX_ROWS} rows needs far less: split it.`;
const NO_ROWS = 'This file has no rows: one clip per row, under a header line such as “prompt,seed,duration”.';

class BatchFileError extends Error {}

/** Reads a batch file as it arrives; stops, with a message naming the row or limit, at the first thing wrong. */
export async function readBatchRows(source: AsyncIterable<Uint8Array | string>, format: BatchFormat, options: ReadOptions = {}): Promise<ReadBatch> {
  try {
    return format === 'csv' ? await readCsv(capped(source), options) : await readJsonLines(capped(source));
  } catch (error) {
    if (error instanceof BatchFileError) return { ok: false, message: error.message };
    if (error instanceof CsvError) return { ok: false, message: csvMessage(error) };
    throw error;
  }
}

/** The source, with a failed read (the client went away mid-upload) as a refusal in words, not a crash. */
async function* interrupted<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const chunks = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await chunks.next();
      } catch {
        throw new BatchFileError('The upload was interrupted; nothing was read. Try again.');
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Stopped early (row 501, a bad row): cancel the rest of the upload.
    await chunks.return?.();
  }
}

/** The source as UTF-8 text chunks, refused past BATCH_MAX_BYTES (before the chunk over it is parsed). */
async function* capped(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  try {
    for await (const chunk of interrupted(source)) {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (bytes > BATCH_MAX_BYTES) throw new BatchFileError(TOO_LARGE);
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof TypeError && /encoded data|decode/i.test(error.message)) {
      throw new BatchFileError('This file is not UTF-8 text. Save it as “CSV UTF-8” (or JSON Lines) and try again.');
    }
    throw error;
  }
}

/**
 * The separator a header line uses: a tab (pasted from a spreadsheet), else semicolons where they outnumber
 * commas, else commas. A header of one column has none: each line is then one cell, so a prompt keeps its commas.
 */
export function delimiterOf(headerLine: string): ',' | ';' | '\t' | typeof ONE_CELL {
  if (headerLine.includes('\t')) return '\t';
  const count = (char: string) => headerLine.split(char).length - 1;
  if (count(';') > count(',')) return ';';
  return count(',') > 0 ? ',' : ONE_CELL;
}
/** The unit separator: a control character no prompt may hold, so it never splits one. */
const ONE_CELL = '\u001f';

async function* withFirst(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    yield first;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}

export type ReadOptions = {
  /** Whether a name is a column the caller reads: a one-column file whose first line is not one is a list without a header. */
  isColumn?: (name: string) => boolean;
};

async function readCsv(text: AsyncGenerator<string>, { isColumn }: ReadOptions): Promise<ReadBatch> {
  // Enough of the start to see the header line and its separator.
  let head = '';
  for (let next = await text.next(); !next.done; next = await text.next()) {
    head += next.value;
    if (/[\r\n]/.test(head) || head.length >= BATCH_MAX_ROW_BYTES) break;
  }
  // Lines before the header that say nothing: blank ones, and Excel's "sep=;" hint (its separator is seen anyway).
  for (;;) {
    const start = head.replace(/^\uFEFF/, '');
    const skip = /^(?:[ \t]*(?:\r\n|\r|\n)|sep=.?(?:\r\n|\r|\n))/i.exec(start);
    if (!skip) break;
    head = start.slice(skip[0].length);
    if (!/[\r\n]/.test(head)) {
      const more = await text.next();
      if (more.done) break;
      head += more.value;
    }
  }
  if (!head.trim()) return { ok: false, message: NO_ROWS };
  const headerLine = head.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  // A plain list of prompts, one per line, needs no header: a first line with no separator that names no
  // column is its first prompt. A line with separators is always a header (a wrong one is refused, not guessed).
  const named = delimiterOf(headerLine);
  const headerless = named === ONE_CELL && isColumn !== undefined && !isColumn(headerLine.trim().replace(/^"|"$/g, ''));
  // One cell a line: a quote inside a prompt (a sign reading "OPEN") is text, not CSV quoting gone wrong.
  const parser = parse({
    bom: true,
    delimiter: named,
    relax_quotes: named === ONE_CELL,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: BATCH_MAX_ROW_BYTES,
  });
  let columns: string[] | undefined = headerless ? ['prompt'] : undefined;
  const rows: BatchRow[] = [];
  const feeding = pipeline(Readable.from(withFirst(head, text)), parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = headerColumns(record);
        continue;
      }
      if (rows.length === BATCH_MAX_ROWS) throw new BatchFileError(TOO_MANY_ROWS);
      const cells: Record<string, string> = {};
      for (const [i, name] of columns.entries()) if (name) cells[name] = record[i] ?? '';
      rows.push({ row: rows.length + 1, cells });
    }
    await feeding;
  } finally {
    // Not awaited: the upload behind it may be waiting on the network; it is cancelled as the source closes.
    parser.destroy();
    feeding.catch(() => undefined);
  }
  return rows.length && columns ? { ok: true, columns: columns.filter(Boolean), rows } : { ok: false, message: NO_ROWS };
}

/** A header's names: trimmed, each present once; trailing empty ones (a spreadsheet's unused columns) are ''. */
function headerColumns(header: string[]): string[] {
  const names = header.map((name) => name.trim());
  const blank = names.findIndex((name) => name === '');
  if (blank >= 0 && names.slice(blank).some(Boolean)) throw new BatchFileError(`Column ${blank + 1} of the header line has no name.`);
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (name && seen.has(key)) throw new BatchFileError(`The header line names the column “${name}” twice.`);
    seen.add(key);
  }
  return names;
}

/** csv-parse's errors in the user's words, with the line they are on. */
function csvMessage(error: CsvError): string {
  const at = (error as CsvError & { lines?: number }).lines;
  const line = at ? `Line ${at}: ` : '';
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return `${line}this row has a different number of cells than the header line. Put quotes around a cell that contains the separator.`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${line}a quoted cell is never closed: a “"” is missing.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return `${line}a quote inside a cell must be doubled (""), and a quoted cell must be quoted from its first character.`;
    case 'CSV_MAX_RECORD_SIZE':
      return `${line}this row is longer than ${BATCH_MAX_ROW_BYTES / 1024} KB.`;
    default:
      return `${line}${error.message.replace(/^Invalid Record Length: |^Invalid Opening Quote: /, '')}`;
  }
}

function sized(line: string, number: number): string {
  if (line.length > BATCH_MAX_ROW_BYTES / 4 && Buffer.byteLength(line) > BATCH_MAX_ROW_BYTES) throw new BatchFileError(`Line ${number} is longer than ${BATCH_MAX_ROW_BYTES / 1024} KB.`);
  return line;
}

async function readJsonLines(text: AsyncGenerator<string>): Promise<ReadBatch> {
  const rows: BatchRow[] = [];
  const columns = new Set<string>();
  let line = 0;
  const take = (raw: string) => {
    line += 1;
    const trimmed = raw.replace(/^\uFEFF/, '').trim();
    if (!trimmed) return;
    if (rows.length === BATCH_MAX_ROWS) throw new BatchFileError(TOO_MANY_ROWS);
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw new BatchFileError(`Line ${line} is not valid JSON. Each line is one object, such as {"prompt": "…", "seed": 7}.`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new BatchFileError(`Line ${line} is not a JSON object: each line is one clip’s fields.`);
    for (const key of Object.keys(value)) columns.add(key);
    rows.push({ row: rows.length + 1, cells: value as Record<string, unknown> });
  };
  let pending = '';
  for await (const chunk of text) {
    pending += chunk;
    const lines = pending.split(/\r\n|\n|\r(?!$)/);
    pending = lines.pop() ?? '';
    for (const raw of lines) take(sized(raw, line + 1));
    sized(pending, line + 1);
  }
  take(sized(pending, line + 1));
  return rows.length ? { ok: true, columns: [...columns], rows } : { ok: false, message: NO_ROWS };
}
