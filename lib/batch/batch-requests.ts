import { generationRequestSchema, type GenerationRequest, type GenerationRequestInput } from '@/lib/generation/schema';
import type { BatchRow } from './batch-rows';

// A batch's rows as requests: each column is a request field (under any of its common spellings), an empty
// cell or a missing column is the base setup's value, and every cell is checked by the one request schema.

type Field = keyof GenerationRequestInput;
/** The fields a batch row may set; kept ids (`imageId`, `audioId`) come only from the base setup or a kept link. */
type RowField = Exclude<Field, 'imageId' | 'audioId'>;

const spellings: Record<RowField, string[]> = {
  prompt: ['prompt', 'text', 'description'],
  negativePrompt: ['negative_prompt', 'negative', 'negativeprompt'],
  seed: ['seed'],
  model: ['model'],
  mode: ['mode', 'type'],
  resolution: ['resolution', 'res', 'quality'],
  aspectRatio: ['aspect_ratio', 'aspect', 'ratio', 'aspectratio', 'frame'],
  duration: ['duration', 'dur', 'seconds', 'length'],
  enablePromptExpansion: ['enable_prompt_expansion', 'prompt_expansion', 'expansion', 'expand', 'enablepromptexpansion'],
  provider: ['provider'],
  requestType: ['request_type', 'delivery', 'requesttype'],
  imageUrls: ['image_url', 'image', 'image_urls', 'start_image', 'start_frame', 'imageurl', 'imageurls'],
  audioUrls: ['audio_url', 'audio', 'audio_urls', 'sound', 'sound_track', 'track', 'audiourl', 'audiourls'],
};

/** A column name as compared: lower case, spaces and dashes as underscores ("Negative Prompt" → negative_prompt). */
const normal = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');
const fieldBySpelling = new Map<string, RowField>(
  (Object.entries(spellings) as [RowField, string[]][]).flatMap(([field, names]) => [field.toLowerCase(), ...names].map((name) => [normal(name), field] as const)),
);

/** The request field a column sets, if any. */
export function fieldOfColumn(column: string): RowField | undefined {
  return fieldBySpelling.get(normal(column));
}

export type ColumnPlan = {
  /** Column name → the field it sets. */
  fields: Map<string, RowField>;
  /** Columns that set nothing (notes, shot numbers…): ignored, and said so. */
  ignored: string[];
  /** Two columns setting the same field: refused, since which one wins would be a guess. */
  clashes: string[];
};

export function planColumns(columns: string[]): ColumnPlan {
  const fields = new Map<string, RowField>();
  const ignored: string[] = [];
  const byField = new Map<RowField, string>();
  const clashes: string[] = [];
  for (const column of columns) {
        const field = fieldOfColumn(column);
    if (!field) {
      ignored.push(column);
      continue;
    }
    const earlier = byField.get(field);
    if (earlier) clashes.push(`The columns “${earlier}” and “${column}” both set the ${field === 'imageUrls' ? 'start image' : field}: keep one.`);
    byField.set(field, column);
    fields.set(column, field);
  }
  return { fields, ignored, clashes };
}

/** A cell problem, as the preview shows it and as one line: "Row 3, duration: Duration must be 5 or 10 seconds". */
export type CellProblem = { row: number; column: string | null; message: string };
export const problemLine = ({ row, column, message }: CellProblem) => `Row ${row}${column ? `, ${column}` : ''}: ${message}`;

export type BatchRowResult = { row: number; request: GenerationRequest | null; problems: CellProblem[] };

const yes = new Set(['true', 'yes', 'y', '1', 'on']);
const no = new Set(['false', 'no', 'n', '0', 'off']);

/** A cell as its field's type: a spreadsheet writes "10", "10s", "TRUE", "720"; JSON already has the types. */
function coerce(field: RowField, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  switch (field) {
    case 'prompt':
    case 'negativePrompt':
      // Our own CSV export writes a formula-looking cell with a leading apostrophe: read back, it is the text again.
      return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
    case 'seed':
      return /^-?\d+$/.test(text) ? Number(text) : text.toLowerCase() === 'random' ? undefined : text;
    case 'duration': {
      const seconds = text.toLowerCase().match(/^(\d+)\s*(s|sec|secs|seconds)?$/);
      return seconds ? Number(seconds[1]) : text;
    }
    case 'resolution':
      return /^\d+$/.test(text) ? `${text}p` : text.toLowerCase();
    case 'enablePromptExpansion':
      return yes.has(text.toLowerCase()) ? true : no.has(text.toLowerCase()) ? false : text;
    case 'imageUrls':
    case 'audioUrls':
      return [text];
    case 'aspectRatio':
      return text.replace(/\s*[x×/]\s*/, ':');
    default:
      return text.toLowerCase();
  }
}

const readable: Partial<Record<RowField, string>> = {
  enablePromptExpansion: 'Prompt expansion must be yes or no (true/false)',
  seed: 'Seed must be a whole number (or “random”)',
};

/**
 * Each row's request: the base setup with the row's cells over it, checked by the request schema. A problem
 * names its row and the column it came from (none: it came from the base setup, or from how fields combine).
 */
export function batchRequests(rows: BatchRow[], plan: ColumnPlan, base: Partial<GenerationRequestInput>): BatchRowResult[] {
  // A cell left empty is still its column's: a problem with the value it fell back to is named by that column.
  const fileColumnOf = new Map([...plan.fields].map(([column, field]) => [field, column]));
  return rows.map(({ row, cells }) => {
    const set: Partial<Record<RowField, unknown>> = {};
    const columnOf = new Map<string, string>();
    for (const [column, field] of plan.fields) {
      const value = cells[column];
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
      const coerced = coerce(field, value);
      if (coerced === undefined) continue;
      set[field] = coerced;
      columnOf.set(field, column);
    }
    const input: Record<string, unknown> = { ...base, ...set };
    // A start image in the row makes the clip image-to-video unless the row says otherwise; a row's own
    // links replace the base's kept image or track, and a text-to-video row drops the base's image.
    if (set.imageUrls !== undefined) {
      delete input.imageId;
      if (set.mode === undefined) input.mode = 'image-to-video';
    }
    if (set.audioUrls !== undefined) delete input.audioId;
    if (input.mode === 'text-to-video' && set.imageUrls === undefined) {
      delete input.imageId;
      delete input.imageUrls;
    }
    // A row's model decides which of the base's values it can take: a silent model takes no track.
    if (set.model !== undefined && set.audioUrls === undefined && input.model === 'wan-2-5') delete input.audioId;
    const parsed = generationRequestSchema.safeParse(input);
    if (parsed.success) return { row, request: parsed.data, problems: [] };
    const problems = parsed.error.issues.map((issue): CellProblem => {
      const field = String(issue.path[0] ?? '') as RowField;
      const column = columnOf.get(field) ?? fileColumnOf.get(field) ?? null;
      // The friendlier words only where the cell was not even the right kind of value ("abc" for a seed).
      const message = (column && issue.code === 'invalid_type' && readable[field]) || issue.message;
      return { row, column: column ?? (field && field in spellings ? `${field} (from the base setup)` : null), message };
    });
    return { row, request: null, problems: dedupe(problems) };
  });
}

function dedupe(problems: CellProblem[]): CellProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = problemLine(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
