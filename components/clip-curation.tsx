'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/actions';
import { useAction } from './hooks/use-action';
import { Button } from './ui/button';
import { inputClass } from './ui/field';

export type CurationActions = {
  favoriteClips: (ids: string[], favorite: boolean) => Promise<ActionResult<{ changed: number }>>;
  tagClips: (ids: string[], tags: string[]) => Promise<ActionResult<{ tags: string[] }>>;
  untagClips: (ids: string[], tag: string) => Promise<ActionResult<null>>;
  trashClips: (ids: string[]) => Promise<ActionResult<{ ids: string[] }>>;
  restoreClips: (ids: string[]) => Promise<ActionResult<{ restored: number }>>;
};

/** Favourite, tags and delete/restore for one clip, each shown only to members who may use it. */
export function ClipCuration({
  id,
  favorite,
  tags,
  deleted,
  can,
  actions,
}: {
  id: string;
  favorite: boolean;
  tags: string[];
  deleted: boolean;
  can: { favorite: boolean; curate: boolean; remove: boolean };
  actions: CurationActions;
}) {
  const [text, setText] = useState('');
  const { run, error, pending } = useAction();

  if (deleted) {
    return (
      <div role="status" data-testid="trashed-banner" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
        <span>This clip is in the trash.</span>
        {can.remove && (
          <Button className="h-8" disabled={pending} onClick={() => run(() => actions.restoreClips([id]))} data-testid="restore-clip">
            Restore
          </Button>
        )}
        {error && <span className="w-full text-danger">{error}</span>}
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {can.favorite && (
          <Button className="h-9 px-3" aria-pressed={favorite} disabled={pending} data-testid="favorite-clip" onClick={() => run(() => actions.favoriteClips([id], !favorite))}>
            <span className={favorite ? 'text-amber-500' : ''}>{favorite ? '★' : '☆'}</span> {favorite ? 'Favourite' : 'Add to favourites'}
          </Button>
        )}
        {can.remove && (
          <Button variant="ghost" className="h-9 px-3 text-danger hover:text-danger" disabled={pending} data-testid="delete-clip" onClick={() => run(() => actions.trashClips([id]))}>
            Delete
          </Button>
        )}
      </div>
      <ul className="flex flex-wrap items-center gap-1.5" aria-label="Tags" data-testid="clip-tags">
        {tags.map((tag) => (
          <li key={tag} className="inline-flex items-center rounded-full bg-raised pl-2.5 text-xs">
            {tag}
            {can.curate ? (
              <button type="button" aria-label={`Remove tag ${tag}`} className="px-2 py-1 opacity-60 hover:opacity-100" onClick={() => run(() => actions.untagClips([id], tag))}>
                ×
              </button>
            ) : (
              <span className="pr-2.5" />
            )}
          </li>
        ))}
        {can.curate && (
          <li>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const typed = text.split(',').map((tag) => tag.trim()).filter(Boolean);
                if (typed.length) run(() => actions.tagClips([id], typed), () => setText(''));
              }}
            >
              <input aria-label="Add a tag" data-testid="add-tag" placeholder="+ tag" value={text} maxLength={200} onChange={(event) => setText(event.target.value)} className={`${inputClass} h-7 w-28 rounded-full px-2.5 py-0 text-xs`} />
            </form>
          </li>
        )}
      </ul>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
