'use client';

import type { GenerationView } from '@/lib/generation/view';
import type { FrameFit } from './clip-frame';
import { ClipProgress } from './clip-progress';
import { ClipVideo } from './clip-video';
import { FailureNotice } from './failure-notice';

/** Whatever the clip is right now: playing, failed in plain words, or on its way. */
export function ClipStage({ view, fit }: { view: GenerationView; fit: FrameFit }) {
  if (view.state === 'success' && view.videoUrl) return <ClipVideo src={view.videoUrl} aspectRatio={view.aspectRatio} fit={fit} />;
  if (view.state === 'success') return <FailureNotice code="NO_RESULT" message="The service reported success without a video." />;
  if (view.state === 'failed' || view.state === 'unknown') return <FailureNotice code={view.failCode} message={view.failMsg} />;
  return <ClipProgress view={view} fit={fit} />;
}
