import type { GenerationView } from '@/lib/generation/view';

/** The short parameter line under a clip: everything needed to recognise it at a glance. */
export function ClipParams({ view }: { view: GenerationView }) {
  return (
    <p className="flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs text-muted">
      <span data-testid="seed">seed {view.seed}</span>
      <span>{view.resolution}</span>
      {view.mode === 'text-to-video' && <span>{view.aspectRatio}</span>}
      <span>{view.duration}s</span>
    </p>
  );
}
