'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchJson, queryKeys } from '@/lib/client-fetch';
import type { PromptHistoryEntry } from '@/lib/prompts/history-schema';
import { inputClass } from '../ui/field';

const SEARCH_DELAY_MS = 200;

/** The member's own distinct prompts in this team, newest first, with a search; one click reuses one. */
export function PromptHistory({ onUse }: { onUse: (entry: PromptHistoryEntry, withNegative: boolean) => void }) {
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const history = useQuery<PromptHistoryEntry[]>({
    queryKey: queryKeys.promptHistory(q),
    queryFn: ({ signal }) => fetchJson<{ entries: PromptHistoryEntry[] }>(`/api/prompts/history?q=${encodeURIComponent(q)}`, signal).then((body) => body.entries),
    placeholderData: keepPreviousData,
    gcTime: 0,
  });

  return (
    <div className="space-y-2">
      <input
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        // Inside the studio form: Enter searches (it already does, as you type), never generates.
        onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
        aria-label="Search your prompts"
        placeholder="Search your prompts"
        className={`${inputClass} h-9 py-1`}
      />
      {history.isPending ? (
        <p className="text-xs text-muted">Loading your prompts…</p>
      ) : history.isError ? (
        <p className="text-xs text-danger">Your prompts could not be loaded. Try again in a moment.</p>
      ) : history.data.length === 0 ? (
        <p className="text-xs text-muted">{q ? `No prompt of yours matches “${q}”.` : 'Prompts you generate with appear here.'}</p>
      ) : (
        <ul className="max-h-72 space-y-1 overflow-y-auto" aria-label="Your prompts" data-testid="prompt-history">
          {history.data.map((entry) => (
            <li key={entry.prompt} className="rounded-md border border-transparent p-1.5 hover:border-line hover:bg-surface">
              <button type="button" onClick={() => onUse(entry, false)} className="block w-full text-left text-sm leading-snug" aria-label={`Use prompt: ${entry.prompt}`}>
                <span className="line-clamp-2 break-words">{entry.prompt}</span>
              </button>
              <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
                <span>
                  {entry.uses === 1 ? 'once' : `${entry.uses}×`} · {new Date(entry.lastUsedAt).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}
                </span>
                {entry.negativePrompt && (
                  <button type="button" onClick={() => onUse(entry, true)} className="font-medium text-accent underline-offset-2 hover:underline" title={entry.negativePrompt}>
                    Use with its negative prompt
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
