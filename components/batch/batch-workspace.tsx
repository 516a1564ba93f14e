'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRef, useState, useTransition } from 'react';
import { BATCH_COLUMNS, BATCH_MAX_BYTES, BATCH_MAX_ROWS, batchFormatOf, batchQuery } from '@/lib/batch/batch-format';
import type { BatchPreview, BatchStartedView } from '@/lib/batch/batch-preview';
import { formatUsd } from '@/lib/generation/request-fields';
import { announceClipsStarted } from '../activity-events';
import { Button, buttonClass } from '../ui/button';
import { inputClass } from '../ui/field';
import { BatchBaseFields, initialBase, type BaseValues } from './batch-base-fields';
import { BatchPreviewTable } from './batch-preview-table';

const EXAMPLE = 'prompt,duration,resolution,seed\n"a lighthouse at dawn, slow dolly in",5,720p,7\n"waves on black rocks, wide to close",10,1080p,\n';

type Source = { kind: 'paste'; text: string } | { kind: 'file'; file: File };
type Problem = { message: string; problems: string[] };

/** Paste or pick a file, check every row, then start them all as one batch, or nothing. */
export function BatchWorkspace() {
  const queryClient = useQueryClient();
  const [source, setSource] = useState<Source>({ kind: 'paste', text: '' });
  const [base, setBase] = useState<BaseValues>(initialBase);
  const [preview, setPreview] = useState<BatchPreview>();
  const [problem, setProblem] = useState<Problem>();
  const [started, setStarted] = useState<BatchStartedView>();
  const [pending, startTransition] = useTransition();
  // Which input the answer on screen is about: a change makes any answer still on its way stale.
  const edition = useRef(0);
  // What the preview on screen was made from: Start sends exactly that, never newer text.
  const [previewed, setPreviewed] = useState<{ source: Source; base: BaseValues }>();

  // Anything changed makes the preview stale: it is never the basis of a start.
  const changed = () => {
    edition.current += 1;
    setPreview(undefined);
    setPreviewed(undefined);
    setProblem(undefined);
    setStarted(undefined);
  };
  const hasSource = source.kind === 'file' || source.text.trim() !== '';

  const send = async (path: string, { source, base }: { source: Source; base: BaseValues }): Promise<Response> => {
    const format = source.kind === 'file' ? batchFormatOf({ fileName: source.file.name }) : batchFormatOf({ firstChar: source.text.trimStart()[0] });
    const { negativePrompt, ...rest } = base;
    const query = batchQuery({ ...rest, ...(negativePrompt.trim() ? { negativePrompt } : {}), format });
    // A picked file goes as it is: the browser streams it from disk, the page never holds it.
    const body = source.kind === 'file' ? source.file : source.text;
    return fetch(`${path}?${query}`, { method: 'POST', headers: { 'content-type': format === 'jsonl' ? 'application/x-ndjson' : 'text/csv' }, body });
  };

  const check = () =>
    startTransition(async () => {
      changed();
      const mine = edition.current;
      const input = { source, base };
      if (source.kind === 'file' && source.file.size > BATCH_MAX_BYTES) return setProblem({ message: `A batch file is at most ${BATCH_MAX_BYTES / 1024 / 1024} MB; split it.`, problems: [] });
      const response = await send('/api/batches/preview', input).catch(() => undefined);
      const body = (await response?.json().catch(() => undefined)) as (BatchPreview & { error?: string }) | undefined;
      if (mine !== edition.current) return;
      if (!response?.ok || !body) return setProblem({ message: body?.error ?? 'The rows could not be checked: the studio did not answer. Try again.', problems: [] });
      setPreview(body);
      setPreviewed(input);
    });

  const start = () =>
    startTransition(async () => {
      if (!previewed) return;
      const response = await send('/api/batches', previewed).catch(() => undefined);
      const body = (await response?.json().catch(() => undefined)) as (BatchStartedView & { error?: string; problems?: string[] }) | undefined;
      if (!response?.ok || !body) return setProblem({ message: body?.error ?? 'The batch could not be started: the studio did not answer. Nothing was started.', problems: body?.problems ?? [] });
      setPreview(undefined);
      setStarted(body);
      queryClient.removeQueries({ queryKey: ['gallery'] });
      announceClipsStarted();
    });

  const ready = preview && preview.invalid === 0 && !preview.refusal;

  return (
    <div className="space-y-6">
      <section className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-sm font-medium text-ink">Rows</h2>
          <label className={buttonClass('secondary', 'h-9 cursor-pointer has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent')}>
            Choose a file…
            <input
              type="file"
              className="sr-only"
              accept=".csv,.tsv,.txt,.jsonl,.ndjson,text/csv,text/plain,application/x-ndjson"
              data-testid="batch-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                changed();
                setSource(file ? { kind: 'file', file } : { kind: 'paste', text: '' });
                // The same file picked again (after "Paste instead") is a change too.
                event.target.value = '';
              }}
            />
          </label>
        </div>
        {source.kind === 'file' ? (
          <p className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-surface px-3 py-2 text-sm" data-testid="batch-file-name">
            <span className="font-medium">{source.file.name}</span>
            <span className="text-muted">{Math.max(1, Math.round(source.file.size / 1024))} KB</span>
            <button type="button" className="ml-auto text-muted hover:text-ink" onClick={() => (changed(), setSource({ kind: 'paste', text: '' }))}>
              Paste instead
            </button>
          </p>
        ) : (
          <textarea
            aria-label="Rows to make, as CSV or JSON Lines"
            data-testid="batch-text"
            className={`${inputClass} min-h-40 font-mono text-xs leading-relaxed`}
            placeholder={EXAMPLE}
            spellCheck={false}
            value={source.text}
            onChange={(event) => (changed(), setSource({ kind: 'paste', text: event.target.value }))}
          />
        )}
        <p className="text-xs text-muted">
          One clip per row, up to {BATCH_MAX_ROWS}: CSV with a header line (commas, semicolons or tabs, as a spreadsheet copies it), a plain list of prompts, or JSON
          Lines. Columns: {BATCH_COLUMNS.join(', ')}. Other columns are ignored.
        </p>
      </section>

      <BatchBaseFields value={base} onChange={(next) => (changed(), setBase(next))} />

      <div className="flex flex-wrap items-center gap-3">
        <Button variant={ready ? 'secondary' : 'primary'} disabled={!hasSource || pending} onClick={check} data-testid="batch-check">
          {pending && !preview ? 'Checking…' : 'Check rows'}
        </Button>
        {preview && (
          <Button variant="primary" disabled={!ready || pending} onClick={start} data-testid="batch-start">
            {pending ? 'Starting…' : `Start ${preview.rows.length} ${preview.rows.length === 1 ? 'clip' : 'clips'}`}
          </Button>
        )}
      </div>

      {problem && (
        <div role="alert" className="space-y-1 rounded-lg border border-danger/30 bg-danger/5 px-3 py-2 text-sm text-danger" data-testid="batch-error">
          <p>{problem.message}</p>
          {problem.problems.length > 0 && (
            <ul className="list-disc pl-5">
              {problem.problems.slice(0, 20).map((line) => (
                <li key={line}>{line}</li>
              ))}
              {problem.problems.length > 20 && <li>and {problem.problems.length - 20} more</li>}
            </ul>
          )}
        </div>
      )}

      {started && (
        <div role="status" className="space-y-2 rounded-xl border border-success/30 bg-success/5 px-4 py-3 text-sm" data-testid="batch-started">
          <p className="font-medium text-ink">
            Started {started.clips} {started.clips === 1 ? 'clip' : 'clips'} as one batch, about {formatUsd(started.costCents)}.
          </p>
          <p className="flex flex-wrap gap-4">
            <Link href={`/gallery?batch=${started.batchId}`} className="text-accent underline-offset-2 hover:underline" data-testid="batch-open">
              Open the batch in the gallery
            </Link>
            <a href={`/api/batches/${started.batchId}/csv`} download className="text-accent underline-offset-2 hover:underline">
              Download as CSV
            </a>
          </p>
        </div>
      )}

      {preview && <BatchSummary preview={preview} />}
      {preview && <BatchPreviewTable preview={preview} />}
    </div>
  );
}

function BatchSummary({ preview }: { preview: BatchPreview }) {
  const rows = preview.rows.length;
  return (
    <section aria-label="Batch summary" role="status" className="space-y-2 text-sm" data-testid="batch-summary">
      <p>
        <span className="font-medium text-ink">
          {rows} {rows === 1 ? 'row' : 'rows'}
        </span>
        {preview.invalid > 0 ? (
          <span className="text-danger" data-testid="batch-invalid">
            {' '}
            · {preview.invalid} {preview.invalid === 1 ? 'needs' : 'need'} attention
          </span>
        ) : (
          <span className="text-muted"> · all ready</span>
        )}
        <span className="text-muted">
          {' '}
          · about <span data-testid="batch-cost">{formatUsd(preview.costCents)}</span> of this team’s {formatUsd(preview.capCents)} per batch
          {preview.balanceCents !== null && <> · the key has {formatUsd(preview.balanceCents)}</>}
        </span>
      </p>
      {preview.ignored.length > 0 && <p className="text-muted">Ignored columns: {preview.ignored.join(', ')}.</p>}
      {preview.refusal && (
        <p role="alert" className="rounded-lg border border-warning/30 bg-warning/5 px-3 py-2 text-warning" data-testid="batch-refusal">
          {preview.refusal}
        </p>
      )}
    </section>
  );
}
