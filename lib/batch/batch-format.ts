// A batch file's formats and limits: plain values, for the batch page and the server alike.

export const batchFormats = ['csv', 'jsonl'] as const;
export type BatchFormat = (typeof batchFormats)[number];

/** The columns the studio reads, one spelling each (batch-requests.ts knows the others): the page's hint and the CSV export's. */
export const BATCH_COLUMNS = ['prompt', 'negative_prompt', 'seed', 'model', 'mode', 'resolution', 'aspect_ratio', 'duration', 'enable_prompt_expansion', 'provider', 'request_type', 'image_url', 'audio_url'] as const;

export const BATCH_MAX_ROWS = 500;
/** The most a batch file may be: 500 rows of the longest prompts are well under 2 MB. */
export const BATCH_MAX_BYTES = 8 * 1024 * 1024;
/** One row (a CSV record or a JSON line): a 1 500-character prompt and every other field fit many times over. */
export const BATCH_MAX_ROW_BYTES = 64 * 1024;

/** The format a file's name says (`.csv`, `.tsv`, `.txt` → CSV; `.jsonl`, `.ndjson` → JSON Lines), else what its first character says. */
export function batchFormatOf({ fileName, firstChar }: { fileName?: string; firstChar?: string }): BatchFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'jsonl' || ext === 'ndjson' || ext === 'json') return 'jsonl';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  return firstChar === '{' ? 'jsonl' : 'csv';
}

/** The base setup and format as URL parameters (strings), for the preview and start routes. */
export function batchQuery({ format, ...base }: Record<string, string | undefined> & { format: BatchFormat }): string {
  const out = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(base)) if (value !== undefined && value !== '') out.set(name, String(value));
  return out.toString();
}
