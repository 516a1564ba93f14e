'use client';

import { IntentLink } from '../intent-link';
import { useState } from 'react';
import type { GalleryItem } from '@/lib/gallery/schemas';
import { ClipFrame } from '../clip-frame';
import { ClipParams } from '../generation-params';
import { LocalTime } from '../local-time';
import { useGeneration } from '../hooks/generation-watch';
import { StateBadge } from '../clip-stage';
import { TilePreview } from './tile-preview';
import { shownPrompt } from '@/components/format';

type Props = {
  item: GalleryItem;
  /** Among the first cards: the poster loads first (it is the page's largest paint). */
  firstRow?: boolean;
  selected: boolean;
  onToggleSelect: (id: string, range: boolean) => void;
  onToggleFavorite?: (id: string, favorite: boolean) => void;
  /** Shown on the newest clip of a stack: how many it holds and how to open it. */
  stack?: { count: number; expanded: boolean; onToggle: () => void };
};

/** A clip in the grid: its poster (the clip plays while hovered or focused), state, words and numbers, author. */
export function GalleryTile({ item, firstRow = false, selected, onToggleSelect, onToggleFavorite, stack }: Props) {
  const { data: view } = useGeneration(item.view);
  // Our archived copy plays on hover; until it exists the tile says so (the service's link is not streamed here).
  const archived = view.state === 'success' && view.archived && view.videoUrl && view.posterUrl ? { videoUrl: view.videoUrl, posterUrl: view.posterUrl } : null;
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);

  return (
    <article
      data-testid="gallery-card"
      data-generation-id={view.id}
      data-stack-count={stack?.count ?? 1}
      className={`group relative overflow-hidden rounded-card border bg-surface transition has-[[data-card-link]:focus-visible]:ring-2 has-[[data-card-link]:focus-visible]:ring-accent ${selected ? 'border-accent ring-2 ring-accent/40' : 'border-line hover:border-muted/40'}`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      {stack && stack.count > 1 && (
        <div aria-hidden className="pointer-events-none absolute inset-x-3 -top-0 h-1.5 rounded-b-md bg-line/80" />
      )}
      <IntentLink href={`/gallery/${view.id}`} data-card-link className="block focus-visible:outline-none" onFocus={() => setFocused(true)} onBlur={() => setFocused(false)}>
        <ClipFrame aspectRatio={view.aspectRatio} fit="card" className={archived ? 'rounded-none bg-black' : 'rounded-none bg-raised'}>
          {archived ? (
            <TilePreview {...archived} active={hovered || focused} firstRow={firstRow} />
          ) : (
            <div className="absolute inset-0 grid place-items-center p-4 text-center">
              <div className="space-y-1.5">
                <StateBadge state={view.state} />
                {view.failCode && <p className="font-mono text-xs text-muted">{view.failCode}</p>}
                {view.state === 'success' && <p className="text-xs text-muted">{view.archiveStopped ? 'Not copied: the link expired' : 'Saving our copy…'}</p>}
              </div>
            </div>
          )}
          {view.startImageUrl && (
            <img src={view.startImageUrl} alt="Start frame" className="absolute bottom-2 left-2 h-10 w-auto rounded border border-white/40 object-contain shadow" />
          )}
        </ClipFrame>
        <div className="space-y-1.5 p-3">
          <p className="line-clamp-2 text-sm leading-snug text-ink" title={shownPrompt(view.prompt)}>
            {shownPrompt(view.prompt)}
          </p>
          <ClipParams view={view} />
          <p className="truncate text-xs text-muted">
            {view.authorName} · <LocalTime ms={view.createdAt} />
          </p>
          {item.tags.length > 0 && (
            <ul className="flex flex-wrap gap-1" aria-label="Tags">
              {item.tags.map((tag) => (
                <li key={tag} className="rounded-full bg-raised px-2 py-0.5 text-xs text-muted">
                  {tag}
                </li>
              ))}
            </ul>
          )}
        </div>
      </IntentLink>

      <label
        className={`absolute left-2 top-2 grid size-8 cursor-pointer place-items-center rounded-md bg-black/45 backdrop-blur transition ${selected ? 'opacity-100' : 'opacity-0 group-hover:opacity-100 has-[:focus-visible]:opacity-100 [@media(hover:none)]:opacity-100'}`}
      >
        <span className="sr-only">Select clip</span>
        <input
          type="checkbox"
          data-testid="select-clip"
          className="size-4 accent-[var(--accent)]"
          checked={selected}
          onChange={() => undefined}
          onClick={(event) => onToggleSelect(view.id, event.shiftKey)}
        />
      </label>
      {onToggleFavorite && (
        <button
          type="button"
          data-testid="favorite-toggle"
          aria-pressed={item.favorite}
          aria-label={item.favorite ? 'Remove from favourites' : 'Add to favourites'}
          onClick={() => onToggleFavorite(view.id, !item.favorite)}
          className={`absolute right-2 top-2 grid size-8 place-items-center rounded-md bg-black/45 text-base backdrop-blur transition ${item.favorite ? 'text-amber-300 opacity-100' : 'text-white opacity-0 group-hover:opacity-100 focus-visible:opacity-100 [@media(hover:none)]:opacity-100'}`}
        >
          {item.favorite ? '★' : '☆'}
        </button>
      )}
      {stack && stack.count > 1 && (
        <div className="absolute right-2 top-12 flex flex-col items-end gap-1">
          <button
            type="button"
            data-testid="stack-toggle"
            aria-expanded={stack.expanded}
            onClick={stack.onToggle}
            className="rounded-full bg-accent px-2.5 py-1 text-xs font-medium text-accent-ink shadow"
          >
            {stack.expanded ? 'Collapse' : `${stack.count} clips`}
          </button>
          <IntentLink
            href={`/compare?stack=${encodeURIComponent(item.stack.key)}`}
            data-testid="stack-compare"
            className="rounded-full bg-black/55 px-2.5 py-1 text-xs text-white opacity-0 shadow backdrop-blur transition group-hover:opacity-100 focus-visible:opacity-100 [@media(hover:none)]:opacity-100"
          >
            Compare
          </IntentLink>
        </div>
      )}
    </article>
  );
}
