'use client';

import Link from 'next/link';
import { useState } from 'react';
import { progressOf } from '@/lib/generation/activity';
import { explainFailure } from '@/lib/generation/fail-codes';
import { hasSound } from '@/lib/generation/models';
import { isFailure } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import { ClipFrame, type FrameFit } from './clip-frame';
import { ClipPlayer, type PlayStart } from './clip-player';
import { ProgressBar } from './ui/progress-bar';
import { formatClock } from './format';
import { useNow } from './hooks/use-now';

/** Whatever the clip is right now: playing, failed in plain words, waiting its turn, or on its way. */
export function ClipStage({ view, fit, start = 'idle' }: { view: GenerationView; fit: FrameFit; start?: PlayStart }) {
  if (view.state === 'success' && view.videoUrl) {
    return <ClipVideo src={view.videoUrl} poster={view.posterUrl} aspectRatio={view.aspectRatio} fit={fit} start={start} sound={hasSound(view.model)} />;
  }
  if (view.state === 'success') return <FailureNotice code="NO_RESULT" message="The service reported success without a video." fit={fit} />;
  if (isFailure(view.state)) {
    return <FailureNotice code={view.failCode} message={view.failMsg} remixHref={`/?remix=${view.id}`} fit={fit} />;
  }
  if (view.state === 'queued' || view.state === 'cancelled') {
    return (
      <ClipFrame aspectRatio={view.aspectRatio} fit={fit} className="bg-raised">
        <p className="absolute inset-0 grid place-items-center p-4 text-center text-sm text-muted">
          {view.state === 'queued' ? 'Waiting for a free slot at the service' : 'Cancelled before it was sent: nothing was spent.'}
        </p>
      </ClipFrame>
    );
  }
  return <ClipProgress view={view} fit={fit} />;
}

/** The clip itself: video first, letterboxed inside its frame; its still shows (and paints) before the first frame. */
type ClipVideoProps = { src: string; poster: string | null; aspectRatio: string; fit: FrameFit; start: PlayStart; sound: boolean };

function ClipVideo({ src, poster, aspectRatio, fit, start, sound }: ClipVideoProps) {
  // Keep the first source: switching to the archived copy mid-play would restart the clip.
  const [stableSrc] = useState(src);
  return (
    <ClipFrame aspectRatio={aspectRatio} fit={fit}>
      <ClipPlayer testId="clip-video" src={stableSrc} poster={poster ?? undefined} start={start} controls={fit === 'card' ? 'engaged' : 'always'} sound={sound} />
    </ClipFrame>
  );
}

/** A placeholder the size of the coming clip, with elapsed time against the documented ETA. */
export function ClipProgress({ view, fit }: { view: GenerationView; fit: FrameFit }) {
  const { elapsedMs: elapsed, fraction, overdue } = progressOf(view, useNow(true));
  return (
    <div className="space-y-2">
      <ClipFrame aspectRatio={view.aspectRatio} fit={fit} className="bg-raised">
        <div className="absolute inset-0 animate-pulse bg-gradient-to-br from-accent/10 via-transparent to-accent/5" />
        <span className="absolute inset-0 grid place-items-center font-mono text-sm text-muted tabular-nums" data-testid="elapsed">
          <span>
            {formatClock(elapsed)} <span className="opacity-60">/ ~{formatClock(view.expectedDurationMs)}</span>
          </span>
        </span>
      </ClipFrame>
      <ProgressBar label="Generation progress" fraction={fraction} />
      {overdue && <p className="text-xs text-muted">Taking a little longer than usual. It will appear here as soon as it is ready.</p>}
    </div>
  );
}

/**
 * A failure in plain words; `remixHref` offers to start again from this clip's settings. On a card it takes the
 * clip's frame, so a failed card is as tall as its finished neighbours (long words are clamped; Details has them all).
 */
function FailureNotice({ code, message, remixHref, fit }: { code: string | null; message: string | null; remixHref?: string; fit: FrameFit }) {
  const { title, advice, link } = explainFailure(code);
  const card = fit === 'card';
  const detail = `${code ?? ''}${code && message ? ' · ' : ''}${message ?? ''}`;
  const body = (
    <>
      <p className={`font-medium text-danger ${card ? 'line-clamp-2' : ''}`}>{title}</p>
      <p className={card ? 'line-clamp-3 text-xs text-ink/80' : 'text-ink/80'} title={card ? advice : undefined}>
        {advice}
      </p>
      {remixHref && code === 'INVALID_IMAGE_URL' && (
        <Link href={remixHref} className="inline-block font-medium text-accent underline-offset-2 hover:underline">
          Upload the image instead →
        </Link>
      )}
      {link && (
        <a href={link.href} target="_blank" rel="noopener noreferrer" className="inline-block font-medium text-accent underline-offset-2 hover:underline">
          {link.label} →
        </a>
      )}
      {detail && (
        <p className={`font-mono text-xs text-muted ${card ? 'truncate' : '[overflow-wrap:anywhere]'}`} title={card ? detail : undefined}>
          {detail}
        </p>
      )}
    </>
  );
  if (!card) {
    return (
      <div data-testid="failure" className="space-y-1 rounded-lg border border-danger/30 bg-danger/5 p-3 text-sm">
        {body}
      </div>
    );
  }
  return (
    <div data-testid="failure">
      <ClipFrame aspectRatio="16:9" fit="card" className="bg-danger/5 ring-1 ring-inset ring-danger/30">
        <div className="absolute inset-0 flex flex-col justify-center gap-1 overflow-hidden p-3 text-sm sm:p-4">{body}</div>
      </ClipFrame>
    </div>
  );
}

const labels: Record<GenerationView['state'], { text: string; tone: string }> = {
  queued: { text: 'Queued', tone: 'bg-raised text-muted' },
  sending: { text: 'Sending', tone: 'bg-raised text-muted' },
  pending: { text: 'Waiting', tone: 'bg-raised text-muted' },
  processing: { text: 'Generating', tone: 'bg-accent/15 text-accent' },
  success: { text: 'Done', tone: 'bg-success/15 text-success' },
  failed: { text: 'Failed', tone: 'bg-danger/15 text-danger' },
  unknown: { text: 'Unconfirmed', tone: 'bg-warning/15 text-warning' },
  timed_out: { text: 'Taking long', tone: 'bg-warning/15 text-warning' },
  cancelled: { text: 'Cancelled', tone: 'bg-raised text-muted' },
};

export function StateBadge({ state }: { state: GenerationView['state'] }) {
  const { text, tone } = labels[state];
  return (
    <span data-testid="state" data-state={state} className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${tone}`}>
      {(state === 'processing' || state === 'pending') && <span className="size-1.5 animate-pulse rounded-full bg-current" />}
      {text}
    </span>
  );
}
