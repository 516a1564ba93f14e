import 'server-only';
import type { Generation } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { costCents, type GenerationRequest } from '@/lib/generation/schema';
import { WEBHOOK_NEEDS_PUBLIC_URL } from '@/lib/reachable-messages';
import { linkKeeper } from '@/lib/start/keep-links';
import { limitsFor } from '@/lib/start/limits';
import { batchOverCap } from '@/lib/start/refusal-message';
import { precheckStart, startClips } from '@/lib/start/start-clips';
import { trackerDeps, type TrackerDeps } from '@/lib/tasks/deps';
import type { BatchBase } from './batch-base';
import type { BatchPreview } from './batch-preview';
import type { BatchFormat } from './batch-format';
import { batchRequests, fieldOfColumn, planColumns, problemLine, type BatchRowResult } from './batch-requests';
import { readBatchRows } from './batch-rows';

// A batch from a file: read and checked (the preview), then stored all at once (the start), from the same file.

type Owner = { teamId: string; userId: string };
type Source = AsyncIterable<Uint8Array | string>;

type Read = { ok: true; format: BatchFormat; columns: string[]; ignored: string[]; rows: BatchRowResult[] } | { ok: false; message: string };

async function readRequests(source: Source, format: BatchFormat, base: BatchBase, publicUrl: string | undefined): Promise<Read> {
  const read = await readBatchRows(source, format, { isColumn: (name) => fieldOfColumn(name) !== undefined });
  if (!read.ok) return read;
  const plan = planColumns(read.columns);
  if (plan.clashes[0]) return { ok: false, message: plan.clashes[0] };
  if (plan.fields.size === 0) {
    return { ok: false, message: `None of the columns (${read.columns.join(', ')}) is a setting of a clip: name the prompts’ column “prompt”. For a plain list of prompts, put a line “prompt” first.` };
  }
  return { ok: true, format, columns: read.columns, ignored: plan.ignored, rows: withDelivery(batchRequests(read.rows, plan, { ...base, prompt: '' }), publicUrl) };
}

/** A webhook row where the service cannot call us back is named at once, not only when it is started. */
function withDelivery(rows: BatchRowResult[], publicUrl: string | undefined): BatchRowResult[] {
  if (publicUrl) return rows;
  return rows.map((row) =>
    row.request?.requestType === 'callback' ? { row: row.row, request: null, problems: [{ row: row.row, column: 'request_type', message: WEBHOOK_NEEDS_PUBLIC_URL }] } : row,
  );
}

const valid = (rows: BatchRowResult[]) => rows.flatMap((row) => (row.request ? [row.request] : []));

/** The preview: every row checked, with its cost, and whether the whole would be refused and why. Stores and fetches nothing. */
export async function previewBatch(
  { source, format, base, ...owner }: Owner & { source: Source; format: BatchFormat; base: BatchBase },
  deps: TrackerDeps = trackerDeps(),
): Promise<{ ok: true; preview: BatchPreview } | { ok: false; message: string }> {
  const read = await readRequests(source, format, base, deps.publicUrl);
  if (!read.ok) return read;
  const { prices } = getEnv();
  const requests = valid(read.rows);
  const invalid = read.rows.length - requests.length;
  const [limits, balanceUsd, precheck] = await Promise.all([
    limitsFor(owner.teamId),
    deps.balanceUsd?.().catch(() => undefined),
    requests.length ? precheckStart({ ...owner, requests, overCap: batchOverCap, now: deps.now() }, deps) : Promise.resolve({ ok: true as const }),
  ]);
  return {
    ok: true,
    preview: {
      format: read.format,
      columns: read.columns,
      ignored: read.ignored,
      rows: read.rows.map((row) => ({ ...row, costCents: row.request ? costCents([row.request], prices) : null })),
      invalid,
      costCents: costCents(requests, prices),
      capCents: limits.sweepCapCents,
      balanceCents: balanceUsd === undefined ? null : Math.round(balanceUsd * 100),
      refusal: precheck.ok ? null : precheck.message,
    },
  };
}

export type BatchStarted = { ok: true; batchId: string; rows: Generation[]; costCents: number } | { ok: false; kind: 'invalid' | 'refused'; message: string; problems: string[] };

/**
 * Starts a batch: the file read and checked again (nothing the preview said is trusted), every linked start
 * frame and sound track kept, then every row stored as one batch in one transaction, or none.
 */
export async function startBatch(
  { source, format, base, ...owner }: Owner & { source: Source; format: BatchFormat; base: BatchBase },
  deps: TrackerDeps = trackerDeps(),
): Promise<BatchStarted> {
  const read = await readRequests(source, format, base, deps.publicUrl);
  if (!read.ok) return { ok: false, kind: 'invalid', message: read.message, problems: [] };
  const problems = read.rows.flatMap((row) => row.problems.map(problemLine));
  if (problems.length) return { ok: false, kind: 'invalid', message: 'Some rows need attention; nothing was started.', problems };
  const requests = valid(read.rows);
  // Cost and limits before any link is fetched: a batch that would be refused downloads nothing.
  const early = await precheckStart({ ...owner, requests, overCap: batchOverCap, now: deps.now() }, deps);
  if (!early.ok) return { ok: false, kind: 'refused', message: early.message, problems: [] };

  const keep = linkKeeper(owner, deps.publicUrl);
  const prepared: GenerationRequest[] = [];
  for (const row of read.rows) {
    if (!row.request) continue;
    const kept = await keep(row.request);
    if (kept.ok) prepared.push(kept.request);
    else problems.push(problemLine({ row: row.row, column: kept.field === 'imageUrls' ? 'image_url' : kept.field === 'audioUrls' ? 'audio_url' : null, message: kept.message }));
  }
  if (problems.length) return { ok: false, kind: 'invalid', message: 'Some rows cannot be started; nothing was started.', problems };

  const batchId = crypto.randomUUID();
  const started = await startClips({ ...owner, requests: prepared, overCap: batchOverCap, batch: { id: batchId, rows: read.rows.map((row) => row.row) } }, deps);
  if (!started.ok) return { ok: false, kind: started.kind === 'invalid' ? 'invalid' : 'refused', message: started.message, problems: [] };
  return { ok: true, batchId, rows: started.rows, costCents: started.costCents };
}
