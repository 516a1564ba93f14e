import Link from 'next/link';
import type { GenerationView } from '@/lib/generation/view';
import { ClipFrame } from './clip-frame';
import { ClipParams } from './clip-params';
import { formatDate } from './format';
import { StateBadge } from './state-badge';

/** A clip in the gallery grid: its first frame in a shared 16:9 frame, its words and its numbers. */
export function GalleryCard({ view }: { view: GenerationView }) {
  const playable = view.state === 'success' && view.videoUrl;
  return (
    <article data-testid="gallery-card" data-generation-id={view.id} className="overflow-hidden rounded-card border border-line bg-surface transition hover:border-muted/40">
      <Link href={`/gallery/${view.id}`} className="block">
        <ClipFrame aspectRatio={view.aspectRatio} fit="card" className={playable ? 'rounded-none bg-black' : 'rounded-none bg-raised'}>
          {playable ? (
            <video className="absolute inset-0 h-full w-full object-contain" src={`${view.videoUrl}#t=0.5`} muted playsInline preload="metadata" />
          ) : (
            <div className="absolute inset-0 grid place-items-center gap-1 p-4 text-center">
              <div className="space-y-1.5">
                <StateBadge state={view.state} />
                {view.failCode && <p className="font-mono text-xs text-muted">{view.failCode}</p>}
              </div>
            </div>
          )}
          {view.startImageUrl && (
            <img
              src={view.startImageUrl}
              alt="Start frame"
              className="absolute bottom-2 left-2 h-10 w-auto rounded border border-white/40 object-contain shadow"
            />
          )}
        </ClipFrame>
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
