'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';

export type SavedViewLink = { id: string; name: string; query: string };

/** Named searches one click away; the current filters can be saved under a name. */
export function SavedViews({
  views,
  query,
  save,
  remove,
}: {
  views: SavedViewLink[];
  query: string;
  save: (input: { name: string; query: string }) => Promise<ActionResult<SavedViewLink>>;
  remove: (id: string) => Promise<ActionResult<null>>;
}) {
  const router = useRouter();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Both are canonical (the page's query and every stored view go through toQueryString), so equal text is the same filters.
  const current = views.find((view) => view.query === query);

  const submit = () =>
    startTransition(async () => {
      const result = await save({ name, query });
      if (!result.ok) return setError(result.message);
      setNaming(false);
      setName('');
      setError(null);
      router.refresh();
    });

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="saved-views">
      <Link
        href="/gallery"
        className={`rounded-full border px-3 py-1 text-sm transition ${query === '' ? 'border-accent bg-accent/10 text-accent' : 'border-line text-muted hover:text-ink'}`}
      >
        All clips
      </Link>
      {views.map((view) => (
        <span
          key={view.id}
          className={`group inline-flex items-center rounded-full border text-sm transition ${view.query === query ? 'border-accent bg-accent/10 text-accent' : 'border-line text-muted hover:text-ink'}`}
        >
          <Link href={view.query ? `/gallery?${view.query}` : '/gallery'} className="py-1 pl-3 pr-1" data-testid="saved-view">
            {view.name}
          </Link>
          <button
            type="button"
            aria-label={`Delete saved view ${view.name}`}
            className="px-2 py-1 opacity-50 hover:opacity-100"
            onClick={() => startTransition(async () => {
              await remove(view.id);
              router.refresh();
            })}
          >
            ×
          </button>
        </span>
      ))}
      {naming ? (
        <form
          className="flex items-center gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <input
            autoFocus
            aria-label="Name of the view"
            data-testid="saved-view-name"
            value={name}
            maxLength={60}
            placeholder="Name this view"
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setNaming(false)}
            className={`${inputClass} h-8 w-44 py-0`}
          />
          <Button type="submit" variant="primary" className="h-8 px-3" disabled={pending || !name.trim()} data-testid="saved-view-save">
            Save
          </Button>
          {error && <span className="text-xs text-danger">{error}</span>}
        </form>
      ) : (
        query !== '' &&
        !current && (
          <Button variant="ghost" className="h-8 px-3" onClick={() => setNaming(true)} data-testid="save-view">
            + Save this view
          </Button>
        )
      )}
    </div>
  );
}
