'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import type { GenerationView } from '@/lib/generation/view';
import { queryKeys } from '@/lib/client-fetch';
import { useNow } from './hooks/use-now';
import { Button } from './ui/button';

export type RetryArchiveAction = (id: string) => Promise<ActionResult<GenerationView>>;

type Status = Pick<GenerationView, 'id' | 'state' | 'archived' | 'linkExpiresAt' | 'archiveError' | 'archiveNextAt' | 'archiveStopped'>;

/**
 * A finished clip we hold no copy of yet: copying, "not yet saved, retrying" (when, and why the last
 * try failed, in plain words) with *Retry now*, or saved too late. Nothing once our copy exists.
 */
export function ArchiveStatus({ view, retry }: { view: Status; retry?: RetryArchiveAction }) {
  const now = useNow(view.archiveNextAt !== null, 15_000);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (view.state !== 'success' || view.archived || view.linkExpiresAt === null) return null;

  const gone = now >= view.linkExpiresAt;
  const stopped = gone || view.archiveStopped;
  const retryNow = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await retry?.(view.id);
      if (!result) return;
      if (result.ok) queryClient.setQueryData(queryKeys.generation(view.id), result.data);
      else setError(result.message);
    });

  return (
    <span data-testid="archive-status" className="inline-flex flex-wrap items-center gap-2 text-xs">
      <span className={stopped ? 'text-danger' : view.archiveError || hoursLeft(view.linkExpiresAt, now) < 72 ? 'text-warning' : 'text-muted'}>
        {message(view, now, gone, stopped)}
      </span>
      {retry && !gone && view.archiveError && (
        <Button variant="secondary" className="h-7 px-2 text-xs" disabled={pending} onClick={retryNow}>
          {pending ? 'Trying…' : 'Retry now'}
        </Button>
      )}
      {error && (
        <span role="status" className="text-danger">
          {error}
        </span>
      )}
    </span>
  );
}

function message(view: Status, now: number, gone: boolean, stopped: boolean): string {
  const lastTry = view.archiveError ? plainWords(view.archiveError) : undefined;
  if (gone || stopped) return `Not saved: the service’s link expired before a copy could be saved${lastTry && !/expired/i.test(lastTry) ? ` (last try: ${lastTry})` : ''}.`;
  const left = `The service keeps its copy for ${formatLeft(view.linkExpiresAt ?? now, now)} more.`;
  if (!lastTry) return `Copying to our storage… ${left}`;
  const when = view.archiveNextAt === null || view.archiveNextAt <= now ? 'now' : formatIn(view.archiveNextAt - now);
  return `Not yet saved, retrying ${when} (last try: ${lastTry}). ${left}`;
}

/** The archive's technical reasons, as someone waiting for their clip would put them. */
function plainWords(error: string): string {
  const http = /HTTP (\d{3})/.exec(error)?.[1];
  if (http && http.startsWith('5')) return `the service’s file host was not answering, HTTP ${http}`;
  if (http === '404' || http === '410') return `the service’s file host did not find the video, HTTP ${http}`;
  if (http) return `the service’s file host refused the download, HTTP ${http}`;
  if (/ENOSPC|disk|free space|storage quota/i.test(error)) return 'our storage is full';
  if (/too long|timed? ?out|aborted/i.test(error)) return 'the download took too long';
  if (/private or local network|https links|redirects too many/i.test(error)) return 'the link pointed somewhere we do not download from';
  if (/not a video/i.test(error)) return 'the service sent something that is not an MP4 video';
  if (/larger than/i.test(error)) return 'the video is larger than this studio keeps';
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|could not be downloaded|resolve/i.test(error)) return 'the service’s file host could not be reached';
  return error;
}

function hoursLeft(until: number, now: number): number {
  return Math.max(0, Math.floor((until - now) / 3_600_000));
}

function formatLeft(until: number, now: number): string {
  const hours = hoursLeft(until, now);
  return hours >= 48 ? `${Math.floor(hours / 24)} days` : `${hours} hours`;
}

function formatIn(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? 'in under a minute' : `in ${minutes} min`;
}
