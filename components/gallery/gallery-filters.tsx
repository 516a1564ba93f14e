'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useOptimistic, useState, useTransition } from 'react';
import type { GallerySearch } from '@/lib/gallery/schemas';
import { galleryParamNames, isFiltered, toQueryString } from '@/lib/gallery/search-query';
import { allAspectRatios, allResolutions, modelIds, models } from '@/lib/generation/models';
import type { StateGroup } from '@/lib/generation/states';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';

type Option = { value: string; label: string };

// Every model's values (models.ts): a 480p draft or a 4:3 clip of the second model can be found too.
const selects: { name: keyof GallerySearch; label: string; options: Option[] }[] = [
  { name: 'model', label: 'Model', options: modelIds.map((id) => ({ value: id, label: models[id].label })) },
  { name: 'mode', label: 'Mode', options: [{ value: 'text-to-video', label: 'Text to video' }, { value: 'image-to-video', label: 'Image to video' }] },
  { name: 'res', label: 'Resolution', options: allResolutions.map((value) => ({ value, label: value })) },
  { name: 'aspect', label: 'Aspect', options: allAspectRatios.map((value) => ({ value, label: value })) },
  { name: 'dur', label: 'Duration', options: [{ value: '5', label: '5 s' }, { value: '10', label: '10 s' }] },
  {
    name: 'state',
    label: 'State',
    options: (
      [
        ['done', 'Done'],
        ['running', 'Running'],
        ['failed', 'Failed'],
        ['cancelled', 'Cancelled'],
      ] satisfies [StateGroup, string][]
    ).map(([value, label]) => ({ value, label })),
  },
];

const controlClass = 'h-9 rounded-lg border border-line bg-surface px-3 text-sm text-ink focus:border-accent focus:outline-none';
const selectClass = `${controlClass} pr-8`;

/** Search and filters; every change is a new URL, so a view can be shared and Back undoes it. */
export function GalleryFilters({
  basePath,
  search,
  authors,
  tags,
}: {
  basePath: string;
  search: GallerySearch;
  authors: { id: string; name: string }[];
  tags: { tag: string; clips: number }[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The controls show a change at once; the URL (and the grid) follow when the navigation lands.
  const [shown, setShown] = useOptimistic(search);
  const [text, setText] = useState(search.q ?? '');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = galleryParamNames.filter((name) => name !== 'q' && shown[name] !== undefined).length;
  // Follow the URL when Back/Forward changes it under us (adjusting state while rendering, not in an effect).
  const [urlQ, setUrlQ] = useState(search.q);
  if (urlQ !== search.q) {
    setUrlQ(search.q);
    setText(search.q ?? '');
  }

  const go = (next: GallerySearch) => {
    const query = toQueryString(next);
    startTransition(() => {
      setShown(next);
      router.push(query ? `${basePath}?${query}` : basePath, { scroll: false });
    });
  };
  const set = (name: keyof GallerySearch, value: string | undefined) => go({ ...shown, [name]: value || undefined });

  // Typing searches after a short pause; each pause is one history entry.
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (shown.q ?? '')) return;
    const timer = setTimeout(() => go({ ...shown, q: trimmed || undefined }), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text starts a search
  }, [text]);

  return (
    <form role="search" className="space-y-3" aria-busy={pending} onSubmit={(event) => {
      event.preventDefault();
      go({ ...shown, q: text.trim() || undefined });
    }}>
      <div className="relative">
        <input
          type="search"
          name="q"
          data-testid="gallery-search"
          aria-label="Search prompts"
          placeholder="Search prompts and negative prompts…"
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={200}
          className={`${inputClass} h-11 pl-10 text-base`}
        />
        <span aria-hidden className="pointer-events-none absolute left-3.5 top-1/2 -translate-y-1/2 text-muted">
          ⌕
        </span>
        {pending && <span className="absolute right-3 top-1/2 size-2 -translate-y-1/2 animate-pulse rounded-full bg-accent" aria-label="Loading" />}
      </div>
      {/* Phones keep the grid in view: the filters fold behind one button. */}
      <button
        type="button"
        className="h-9 rounded-lg border border-line bg-surface px-3 text-sm text-muted sm:hidden"
        aria-expanded={filtersOpen}
        onClick={() => setFiltersOpen(!filtersOpen)}
      >
        Filters{activeFilters > 0 ? ` (${activeFilters})` : ''}
      </button>
      <div className={`${filtersOpen ? 'flex' : 'hidden'} flex-wrap items-center gap-2 sm:flex`}>
        {selects.map((select) => (
          <select
            key={select.name}
            aria-label={select.label}
            data-testid={`filter-${select.name}`}
            className={selectClass}
            value={String(shown[select.name] ?? '')}
            onChange={(event) => set(select.name, event.target.value)}
          >
            <option value="">{select.label}: any</option>
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ))}
        {authors.length > 1 && (
          <select aria-label="Author" data-testid="filter-author" className={selectClass} value={shown.author ?? ''} onChange={(event) => set('author', event.target.value)}>
            <option value="">Author: anyone</option>
            {authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        )}
        {tags.length > 0 && (
          <select aria-label="Tag" data-testid="filter-tag" className={selectClass} value={shown.tag ?? ''} onChange={(event) => set('tag', event.target.value)}>
            <option value="">Tag: any</option>
            {tags.map(({ tag, clips }) => (
              <option key={tag} value={tag}>
                {tag} ({clips})
              </option>
            ))}
          </select>
        )}
        <label className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-lg border border-line bg-surface px-3 text-sm has-[:checked]:border-accent has-[:checked]:text-accent">
          <input type="checkbox" data-testid="filter-fav" className="accent-[var(--accent)]" checked={shown.fav === '1'} onChange={(event) => set('fav', event.target.checked ? '1' : undefined)} />
          Favourites
        </label>
        <label className="inline-flex items-center gap-1.5 text-sm text-muted">
          From
          <input type="date" data-testid="filter-from" className={controlClass} value={shown.from ?? ''} max={shown.to} onChange={(event) => set('from', event.target.value)} />
        </label>
        <label className="inline-flex items-center gap-1.5 text-sm text-muted">
          to
          <input type="date" data-testid="filter-to" className={controlClass} value={shown.to ?? ''} min={shown.from} onChange={(event) => set('to', event.target.value)} />
        </label>
        {isFiltered(shown) && (
          <Button variant="ghost" className="h-9 px-3" data-testid="clear-filters" onClick={() => {
            setText('');
            go({});
          }}>
            Clear all
          </Button>
        )}
      </div>
    </form>
  );
}
