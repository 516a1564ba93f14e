'use client';

import { useState, useSyncExternalStore } from 'react';
import type { ActionResult } from '@/lib/actions';
import type { ShareInput } from '@/lib/teams/schemas';
import { CopyLink } from './team/copy-link';
import { useAction } from './hooks/use-action';
import { Button } from './ui/button';

const noSubscription = () => () => undefined;

type Link = { id: string; path: string; scope: 'clip' | 'sweep'; showRecipe: boolean };

/** Public links to this clip (or its whole sweep): create, copy, revoke. */
export function SharePanel({
  generationId,
  inSweep,
  links,
  create,
  revoke,
}: {
  generationId: string;
  inSweep: boolean;
  links: Link[];
  create: (input: ShareInput) => Promise<ActionResult<{ id: string; path: string }>>;
  revoke: (id: string) => Promise<ActionResult<null>>;
}) {
  const { run, error, pending } = useAction();
  const [scope, setScope] = useState<'clip' | 'sweep'>('clip');
  const [showRecipe, setShowRecipe] = useState(true);
  // The page's own address, known only in the browser (the server renders the path alone).
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  return (
    <section className="space-y-3" aria-labelledby="share-heading" data-testid="share-panel">
      <h2 id="share-heading" className="text-sm font-medium text-muted">
        Share
      </h2>
      {links.map((link) => (
        <div key={link.id} className="space-y-1" data-testid="share-link-row">
          <p className="text-xs text-muted">
            {link.scope === 'sweep' ? 'The whole sweep' : 'This clip'} · {link.showRecipe ? 'with prompt and settings' : 'video only'}
          </p>
          <div className="flex items-center gap-2">
            <div className="min-w-0 flex-1">
              <CopyLink url={`${origin}${link.path}`} testId="share-link" label="Share link" />
            </div>
            <Button variant="ghost" className="h-9 px-3 text-danger hover:text-danger" disabled={pending} onClick={() => run(() => revoke(link.id))} data-testid="share-revoke">
              Revoke
            </Button>
          </div>
        </div>
      ))}
      <form
        className="space-y-2 rounded-lg border border-line p-3"
        onSubmit={(event) => {
          event.preventDefault();
          run(() => create({ generationId, scope, showRecipe }));
        }}
      >
        {inSweep && (
          <select aria-label="What to share" value={scope} onChange={(event) => setScope(event.target.value as 'clip' | 'sweep')} className="h-9 w-full rounded-lg border border-line bg-surface px-2 text-sm">
            <option value="clip">This clip</option>
            <option value="sweep">The whole sweep</option>
          </select>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={showRecipe} onChange={(event) => setShowRecipe(event.target.checked)} className="accent-[var(--accent)]" data-testid="share-show-recipe" />
          Show the prompt and settings
        </label>
        <Button type="submit" className="w-full" disabled={pending} data-testid="share-create">
          Create public link
        </Button>
        <p className="text-xs text-muted">Anyone with the link can watch, without an account, until you revoke it.</p>
      </form>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  );
}
