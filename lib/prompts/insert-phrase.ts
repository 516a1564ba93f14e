// Putting a phrase into a prompt at the cursor, as a writer would: separated by a comma and a space from
// what is around it, never twice, and never past the limit (refused with a message rather than cut).

export type Inserted = { ok: true; text: string; cursor: number } | { ok: false; message: string };

const separator = /[,;:.!?(\s]$/;

/** Inserts `phrase` in place of `text[start, end)` (the selection; start = end for a caret). */
export function insertPhrase({ text, start, end, phrase, max, what = 'prompt' }: { text: string; start: number; end: number; phrase: string; max: number; what?: string }): Inserted {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const kept = text.slice(0, from) + text.slice(to);
  if (kept.toLowerCase().includes(phrase.toLowerCase())) return { ok: false, message: `“${phrase}” is already in the ${what}.` };

  const before = text.slice(0, from).replace(/[ \t]+$/, '');
  const after = text.slice(to).replace(/^[ \t]+/, '');
  const lead = before === '' || before.endsWith('\n') ? '' : separator.test(before) ? ' ' : ', ';
  const trail = after === '' || /^[,;:.!?)\n]/.test(after) ? '' : ', ';
  const head = before + lead + phrase;
  const next = head + trail + after;

  const length = next.trim().length;
  if (length > max) return { ok: false, message: `Adding “${phrase}” would make the ${what} ${length} characters, over the ${max} allowed. Shorten it first.` };
  return { ok: true, text: next, cursor: head.length };
}

/** Adds the comma-separated terms of `addition` that `text` lacks, at its end; refused past `max`. */
export function appendTerms({ text, addition, max }: { text: string; addition: string; max: number }): Inserted {
  const have = new Set(text.split(',').map((term) => term.trim().toLowerCase()).filter(Boolean));
  const missing = addition
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term && !have.has(term.toLowerCase()));
  if (missing.length === 0) return { ok: false, message: 'Those terms are already in the negative prompt.' };
  const base = text.trim().replace(/,$/, '');
  const next = [base, ...missing].filter(Boolean).join(', ');
  if (next.length > max) return { ok: false, message: `Adding these terms would make the negative prompt ${next.length} characters, over the ${max} allowed. Shorten it first.` };
  return { ok: true, text: next, cursor: next.length };
}
