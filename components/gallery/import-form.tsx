'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import { parseRecipesFile, RECIPES_UPLOAD_MAX_BYTES, type RecipesFile } from '@/lib/export/recipes-file';
import { costCents, formatUsd, type PriceTable } from '@/lib/generation/request-fields';
import { announceClipsStarted } from '../activity-events';
import { Button, buttonClass } from '../ui/button';
import { shownPrompt } from '@/components/format';

type ImportAction = (text: string) => Promise<ActionResult<{ ids: string[] }, { clips?: string[] }>>;

/** Pick a recipes.json, see what it holds and what re-running it costs, then re-run every clip. */
export function ImportForm({ prices, importRecipes }: { prices: PriceTable; importRecipes: ImportAction }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [imported, setImported] = useState<{ added: number; skipped: number }>();
  const [text, setText] = useState<string>();
  const [file, setFile] = useState<RecipesFile>();
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();

  const [zip, setZip] = useState<File>();
  const [clipFile, setClipFile] = useState<string>();

  const read = async (picked: File | undefined) => {
    setFile(undefined);
    setZip(undefined);
    setProblems([]);
    setError(undefined);
    setImported(undefined);
    setClipFile(undefined);
    if (!picked) return;
    // A whole export zip re-creates its clips from their videos; a recipes.json re-runs them.
    const head = new Uint8Array(await picked.slice(0, 8).arrayBuffer());
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return setZip(picked);
    // One clip's MP4 (an `ftyp` box first): its recipe is read where it can be reproduced, on the studio.
    if (new TextDecoder().decode(head.slice(4, 8)) === 'ftyp') return setClipFile(picked.name);
    if (picked.size > RECIPES_UPLOAD_MAX_BYTES) return setError('A recipes file is at most 900 KB; import fewer clips at a time.');
    const content = await picked.text();
    const parsed = parseRecipesFile(content);
    if (!parsed.ok) return setError(parsed.message);
    setText(content);
    setFile(parsed.file);
  };

  const cost = file ? costCents(file.clips.map((clip) => clip.recipe), prices) : 0;

  const recreate = (picked: File) =>
    startTransition(async () => {
      const response = await fetch('/api/gallery/import', { method: 'POST', headers: { 'content-type': 'application/zip' }, body: picked });
      const body = (await response.json().catch(() => ({}))) as { error?: string; problems?: string[]; ids?: string[]; skipped?: number };
      if (!response.ok) {
        setError(body.error ?? `The import failed (HTTP ${response.status}).`);
        setProblems(body.problems ?? []);
        return;
      }
      // The gallery's grid lives in the query cache: drop it, so the next visit starts from the server's page.
      queryClient.removeQueries({ queryKey: ['gallery'] });
      setZip(undefined);
      setImported({ added: body.ids?.length ?? 0, skipped: body.skipped ?? 0 });
      router.refresh();
    });
  return (
    <div className="space-y-5">
      <label className="block space-y-2 rounded-card border border-dashed border-line bg-surface p-6 text-center">
        <span className="block text-sm font-medium">Choose an export zip or its recipes.json</span>
        <span className="block text-xs text-muted">
          A zip re-creates its clips from their videos, at no cost. A recipes.json re-runs every recipe with the API. Nothing happens until you confirm.
        </span>
        <input type="file" accept="application/zip,.zip,application/json,.json,video/mp4,.mp4" data-testid="import-file" className="mx-auto block text-sm" onChange={(event) => void read(event.target.files?.[0])} />
      </label>
      {clipFile && (
        <p role="status" className="rounded-lg border border-line bg-raised px-3 py-2 text-sm text-ink" data-testid="import-clip-file">
          {clipFile} is one clip’s video. Its recipe travels inside it: open it on the{' '}
          <Link href="/" className="text-accent underline underline-offset-2">
            Studio
          </Link>{' '}
          with “Open a clip file…” (or drop it there) to reproduce it or use its settings.
        </p>
      )}
      {error && (
        <p role="alert" className="whitespace-pre-line rounded-lg border border-danger/40 bg-danger/5 px-3 py-2 text-sm text-danger" data-testid="import-error">
          {error}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm text-danger">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {imported && (
        <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-card border border-line bg-surface px-4 py-3 text-sm">
          <span data-testid="import-result">
            {imported.added} clip{imported.added === 1 ? '' : 's'} imported, {imported.skipped} already in the gallery.
          </span>
          <Link href="/gallery" className={buttonClass('primary')} data-testid="import-open-gallery">
            Open the gallery
          </Link>
        </div>
      )}
      {zip && (
        <div className="space-y-3" data-testid="import-zip">
          <p className="text-sm">
            <strong>{zip.name}</strong> · {(zip.size / 1024 / 1024).toFixed(1)} MB — its clips are added to this team’s gallery with their videos, prompts, seeds and settings.
            Every video is checked against the sha256 recorded at export.
          </p>
          <Button variant="primary" disabled={pending} data-testid="import-recreate" onClick={() => recreate(zip)}>
            {pending ? 'Importing…' : 'Re-create the clips'}
          </Button>
        </div>
      )}
      {file && text && (
        <div className="space-y-3" data-testid="import-preview">
          <p className="text-sm">
            <strong>{file.clips.length} clips</strong> exported {new Date(file.exportedAt).toLocaleString()} · re-running them costs about {formatUsd(cost)}
          </p>
          <ul className="max-h-72 divide-y divide-line overflow-auto rounded-card border border-line bg-surface text-sm">
            {file.clips.map((clip) => (
              <li key={clip.id} className="flex gap-3 px-3 py-2">
                <span className="shrink-0 font-mono text-xs text-muted">seed {clip.recipe.seed}</span>
                <span className="truncate">{shownPrompt(clip.recipe.prompt)}</span>
                <span className="ml-auto shrink-0 font-mono text-xs text-muted">
                  {clip.recipe.resolution} · {clip.recipe.duration}s
                </span>
              </li>
            ))}
          </ul>
          <Button
            variant="primary"
            disabled={pending}
            data-testid="import-run"
            onClick={() =>
              startTransition(async () => {
                const result = await importRecipes(text);
                if (!result.ok) {
                  setError(result.message);
                  setProblems(result.fieldErrors?.clips ?? []);
                  return;
                }
                queryClient.removeQueries({ queryKey: ['gallery'] });
                announceClipsStarted();
                router.push('/gallery');
              })
            }
          >
            {pending ? 'Starting…' : `Re-run ${file.clips.length} clips`}
          </Button>
        </div>
      )}
    </div>
  );
}
