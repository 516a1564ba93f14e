'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { RecipeDiffRow } from '@/lib/generation/recipe-diff';
import type { CompareClip } from './compare-grid';

const wordy = new Set<RecipeDiffRow['field']>(['prompt', 'negativePrompt', 'imageUrls', 'audioUrls']);

/** The compared clips' recipes side by side, the fields that differ marked. */
export function RecipeDiffTable({ clips, rows }: { clips: Pick<CompareClip, 'id' | 'label' | 'href'>[]; rows: RecipeDiffRow[] }) {
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const differing = rows.filter((row) => row.differs).length;
  const shown = onlyDifferences ? rows.filter((row) => row.differs) : rows;
  return (
    <section aria-labelledby="recipe-diff-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="recipe-diff-heading" className="text-sm font-medium text-ink">
          Recipe{' '}
          <span className="font-normal text-muted">
            · {differing === 0 ? 'identical' : `${differing} ${differing === 1 ? 'field differs' : 'fields differ'}`}
          </span>
        </h2>
        <label className="flex cursor-pointer items-center gap-2 text-sm text-muted">
          <input type="checkbox" checked={onlyDifferences} onChange={(event) => setOnlyDifferences(event.target.checked)} className="size-4 accent-[var(--accent)]" />
          Only differences
        </label>
      </div>
      <div className="overflow-x-auto rounded-card border border-line bg-surface">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-line bg-raised">
              <th scope="col" className="border-l-2 border-transparent px-3 py-2 text-left font-medium text-muted">
                Field
              </th>
              {clips.map((clip) => (
                <th key={clip.id} scope="col" className="px-3 py-2 text-left font-mono text-xs font-medium">
                  <Link href={clip.href} className="text-ink hover:text-accent">
                    {clip.label}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.field} data-testid={`diff-row-${row.field}`} data-differs={String(row.differs)} className={`border-b border-line last:border-0 ${row.differs ? 'bg-accent/10' : ''}`}>
                <th scope="row" className={`whitespace-nowrap border-l-2 px-3 py-2 text-left align-top font-medium ${row.differs ? 'border-accent text-ink' : 'border-transparent text-muted'}`}>
                  {row.label}
                  {row.differs && <span className="ml-2 rounded-full bg-accent px-1.5 py-0.5 text-[10px] font-semibold text-accent-ink">differs</span>}
                </th>
                {row.values.map((value, index) => (
                  <td key={clips[index]?.id ?? index} className={`min-w-32 max-w-80 whitespace-pre-wrap break-words px-3 py-2 align-top text-ink ${wordy.has(row.field) ? '' : 'font-mono text-xs'}`}>
                    {value}
                  </td>
                ))}
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={clips.length + 1} className="px-3 py-4 text-center text-muted">
                  Every clip was made with the same recipe.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
