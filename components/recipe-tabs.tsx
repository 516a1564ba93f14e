'use client';

import { useState } from 'react';

export type RecipeSnippets = { json: string; curl: string; typescript: string };

const tabs: { key: keyof RecipeSnippets; label: string }[] = [
  { key: 'json', label: 'JSON' },
  { key: 'curl', label: 'curl' },
  { key: 'typescript', label: 'TypeScript' },
];

/** The full recipe, ready to paste: the studio's JSON, a curl call of the API, or a TypeScript script. */
export function RecipeTabs({ snippets }: { snippets: RecipeSnippets }) {
  const [active, setActive] = useState<keyof RecipeSnippets>('json');
  const [copied, setCopied] = useState<keyof RecipeSnippets | null>(null);
  const copy = async () => {
    await navigator.clipboard.writeText(snippets[active]);
    setCopied(active);
    setTimeout(() => setCopied(null), 1_500);
  };
  return (
    <section className="space-y-2" aria-labelledby="recipe-heading" data-testid="recipe">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="recipe-heading" className="text-sm font-medium text-muted">
          Recipe
        </h2>
        <div role="tablist" aria-label="Recipe format" className="flex rounded-lg border border-line bg-raised p-0.5 text-xs">
          {tabs.map((tab) => (
            <button
              key={tab.key}
              type="button"
              role="tab"
              aria-selected={active === tab.key}
              data-testid={`recipe-tab-${tab.key}`}
              onClick={() => setActive(tab.key)}
              className={`rounded-md px-2.5 py-1 transition ${active === tab.key ? 'bg-surface text-ink shadow-sm' : 'text-muted hover:text-ink'}`}
            >
              {tab.label}
            </button>
          ))}
        </div>
      </div>
      <div className="relative">
        <pre
          role="tabpanel"
          // A tab panel that may scroll down: reachable by keyboard, so a long recipe can be read without a mouse.
          tabIndex={0}
          aria-label={`Recipe as ${tabs.find((tab) => tab.key === active)?.label ?? active}`}
          data-testid="recipe-code"
          className="max-h-72 max-w-full overflow-y-auto whitespace-pre-wrap rounded-lg [overflow-wrap:anywhere] border border-line bg-raised p-3 pr-16 font-mono text-xs leading-relaxed focus-visible:outline-2 focus-visible:outline-accent"
        >
          {snippets[active]}
        </pre>
        <button type="button" onClick={() => void copy()} data-testid="recipe-copy" className="absolute right-2 top-2 rounded-md border border-line bg-surface px-2 py-1 text-xs text-muted hover:text-ink">
          {copied === active ? 'Copied' : 'Copy'}
        </button>
      </div>
      {active !== 'json' && <p className="text-xs text-muted">The API key is read from your shell’s environment; it is never part of a recipe.</p>}
    </section>
  );
}
