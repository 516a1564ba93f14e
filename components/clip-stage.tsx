'use client';

import { isFailure } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import { ClipFrame, type FrameFit } from './clip-frame';
import { ClipProgress } from './clip-progress';
import { ClipVideo } from './clip-video';
import { FailureNotice } from './failure-notice';

/** Whatever the clip is right now: playing, failed in plain words, waiting its turn, or on its way. */
export function ClipStage({ view, fit }: { view: GenerationView; fit: FrameFit }) {
  if (view.state === 'success' && view.videoUrl) return <ClipVideo src={view.videoUrl} aspectRatio={view.aspectRatio} fit={fit} />;
  if (view.state === 'success') return <FailureNotice code="NO_RESULT" message="The service reported success without a video." />;
  if (isFailure(view.state)) {
    return <FailureNotice code={view.failCode} message={view.failMsg} remixHref={`/?remix=${view.id}`} />;
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
