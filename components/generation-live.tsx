'use client';

import type { GenerationView } from '@/lib/generation/view';
import { ArchiveStatus, type RetryArchiveAction } from './archive-status';
import { ClipStage, StateBadge } from './clip-stage';
import { formatBytes } from './format';
import { useGeneration } from './hooks/generation-watch';

export type Original = { id: string; sha256: string | null; sameRequest: boolean };

/** The detail page's live part: the clip, its archive fingerprint, and how it compares to its original. */
export function GenerationLive({ initial, original, retryArchive }: { initial: GenerationView; original?: Original; retryArchive?: RetryArchiveAction }) {
  const { data: view } = useGeneration(initial);
  return (
    <div className="space-y-4">
      <ClipStage view={view} fit="natural" />
      {view.startImageUrl && (
        <figure className="flex items-center gap-3 text-xs text-muted">
          <img src={view.startImageUrl} alt="Start frame" data-testid="start-frame" className="h-20 w-auto rounded-md border border-line object-contain" />
          <figcaption>Start frame, kept with the clip so it can be reproduced after the original link is gone.</figcaption>
        </figure>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <StateBadge state={view.state} />
        {view.sha256 ? (
          <span className="min-w-0 break-all font-mono text-xs text-muted" title="SHA-256 of our archived copy">
            sha256 <span data-testid="sha256">{view.sha256}</span>
            {view.bytes !== null && <> · {formatBytes(view.bytes)}</>}
          </span>
        ) : (
          <ArchiveStatus view={view} retry={retryArchive} />
        )}
        {view.sha256 && view.videoUrl && (
          // The file handed out carries the recipe in its metadata; the sha256 above is of the archived original.
          <a href={`${view.videoUrl}?download`} download className="text-sm text-accent underline-offset-2 hover:underline" data-testid="clip-download" title="The MP4 with its prompt, seed and settings in its metadata">
            Download MP4
          </a>
        )}
      </div>
      {original && <Receipt view={view} original={original} />}
    </div>
  );
}

function Receipt({ view, original }: { view: GenerationView; original: Original }) {
  if (!view.sha256 || !original.sha256) return null;
  const identical = view.sha256 === original.sha256;
  const text = original.sameRequest
    ? identical
      ? 'Byte-identical to the original: same request, same seed, same file.'
      : 'Not byte-identical to the original, although the request was the same.'
    : identical
      ? 'Same file as the original.'
      : 'A different file from the original.';
  return (
    <p
      data-testid="receipt"
      data-identical={identical}
      className={`rounded-lg border px-3 py-2 text-sm ${identical ? 'border-success/30 bg-success/5 text-success' : 'border-line bg-raised text-ink'}`}
    >
      {text}
    </p>
  );
}
