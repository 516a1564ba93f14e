'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button, buttonClass } from '../ui/button';
import { inputClass } from '../ui/field';

export type BulkAbilities = { favorite: boolean; curate: boolean; remove: boolean; restore: boolean; emptyTrash: boolean };

/** What can be done with the selected clips; sticks to the bottom of the screen while a selection exists. */
export function BulkBar({
  ids,
  can,
  busy,
  onFavorite,
  onTag,
  onDelete,
  onRestore,
  onClear,
}: {
  ids: string[];
  can: BulkAbilities;
  busy: boolean;
  onFavorite: (favorite: boolean) => void;
  onTag: (tags: string[]) => void;
  onDelete: () => void;
  onRestore: () => void;
  onClear: () => void;
}) {
  const [tagText, setTagText] = useState('');
  if (ids.length === 0) return null;
  const compareHref = `/compare?ids=${ids.slice(0, 16).join(',')}`;
  return (
    <div className="sticky bottom-4 z-20 mx-auto w-fit max-w-full" data-testid="bulk-bar">
      <div className="flex flex-wrap items-center gap-2 rounded-2xl border border-line bg-surface/95 p-2 shadow-xl backdrop-blur">
        <span className="px-2 text-sm font-medium" data-testid="selection-count">
          {ids.length} selected
        </span>
        {can.restore ? (
          <Button variant="primary" className="h-9" disabled={busy} onClick={onRestore} data-testid="bulk-restore">
            Restore
          </Button>
        ) : (
          <>
            {can.favorite && (
              <>
                <Button className="h-9 px-3" disabled={busy} onClick={() => onFavorite(true)} data-testid="bulk-favorite">
                  ★ Favourite
                </Button>
                <Button variant="ghost" className="h-9 px-3" disabled={busy} onClick={() => onFavorite(false)}>
                  Unfavourite
                </Button>
              </>
            )}
            {can.curate && (
              <form
                className="flex items-center gap-1"
                onSubmit={(event) => {
                  event.preventDefault();
                  const tags = tagText.split(',').map((tag) => tag.trim()).filter(Boolean);
                  if (tags.length === 0) return;
                  onTag(tags);
                  setTagText('');
                }}
              >
                <input
                  aria-label="Tags to add, comma separated"
                  data-testid="bulk-tag-input"
                  placeholder="Add tags…"
                  value={tagText}
                  maxLength={200}
                  onChange={(event) => setTagText(event.target.value)}
                  className={`${inputClass} h-9 w-36 py-0`}
                />
                <Button type="submit" className="h-9 px-3" disabled={busy || !tagText.trim()} data-testid="bulk-tag">
                  Tag
                </Button>
              </form>
            )}
            {ids.length >= 2 && ids.length <= 16 && (
              <Link href={compareHref} className={buttonClass('secondary', 'h-9 px-3')} data-testid="bulk-compare">
                Compare
              </Link>
            )}
            {/* A form post: a selection of hundreds of clips does not fit in a link. */}
            <form method="post" action="/api/gallery/export">
              <input type="hidden" name="ids" value={ids.join(',')} />
              <button type="submit" className={buttonClass('secondary', 'h-9 px-3')} data-testid="bulk-export" title="A zip of the videos and recipes.json">
                Download
              </button>
            </form>
            {can.remove && (
              <Button variant="ghost" className="h-9 px-3 text-danger hover:text-danger" disabled={busy} onClick={onDelete} data-testid="bulk-delete">
                Delete
              </Button>
            )}
          </>
        )}
        <Button variant="ghost" className="h-9 px-3" onClick={onClear}>
          Clear
        </Button>
      </div>
    </div>
  );
}
