import Link from 'next/link';
import type { GenerationView } from '@/lib/generation/view';
import { ClipParams } from './clip-params';
import { aspectStyle, formatDate } from './format';
import { StateBadge } from './state-badge';

/** A clip in the gallery grid: the video (paused, first frame as poster), its words and its numbers. */
export function GalleryCard({ view }: { view: GenerationView }) {
  return (
    <article data-testid="gallery-card" data-generation-id={view.id} className="group overflow-hidden rounded-card border border-line bg-surface">
      <Link href={`/gallery/${view.id}`} className="block">
        <div className="grid place-items-center bg-black/90" style={aspectStyle('16:9')}>
          {view.state === 'success' && view.videoUrl ? (
            <video
              className="h-full w-full object-contain"
              style={aspectStyle(view.aspectRatio)}
              src={`${view.videoUrl}#t=0.5`}
              muted
              playsInline
              preload="metadata"
            />
          ) : (
            <StateBadge state={view.state} />
          )}
        </div>
        <div className="space-y-1.5 p-3">
          <p className="line-clamp-2 text-sm leading-snug text-ink" title={view.prompt}>
            {view.prompt}
          </p>
          <ClipParams view={view} />
          <p className="text-xs text-muted">
            {view.authorName} · {formatDate(view.createdAt)}
          </p>
        </div>
      </Link>
    </article>
  );
}
