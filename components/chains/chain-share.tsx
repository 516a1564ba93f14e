'use client';

import { useState, useSyncExternalStore } from 'react';
import type { ActionResult } from '@/lib/actions';
import { useAction } from '../hooks/use-action';
import { CopyLink } from '../team/copy-link';
import { Button } from '../ui/button';

const noSubscription = () => () => undefined;

export type ChainShareLink = { id: string; path: string; showRecipe: boolean };

/** Public links to the chain's render: copy and revoke each, or make one (with or without the shots' prompts). */
export function ChainShare({
  chainId,
  links,
  create,
  revoke,
}: {
  chainId: string;
  links: ChainShareLink[];
  create: (chainId: string, showRecipe: boolean) => Promise<ActionResult<{ id: string; path: string }>>;
  revoke: (id: string) => Promise<ActionResult<null>>;
}) {
  const { run, error, pending } = useAction();
  const [showRecipe, setShowRecipe] = useState(true);
  // The page's own address, known only in the browser (the server renders the path alone).
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  return (
    <section className="space-y-3" aria-labelledby="chain-share-heading" data-testid="chain-share">
      <h2 id="chain-share-heading" className="text-sm font-medium text-muted">
        Share the rendered chain
      </h2>
      {links.map((link) => (
        <div key={link.id} className="flex items-center gap-2" data-testid="chain-share-row">
          <div className="min-w-0 flex-1">
            <CopyLink url={`${origin}${link.path}`} testId="chain-share-link" label={link.showRecipe ? 'Share link, with the prompts' : 'Share link, video only'} />
          </div>
          <Button variant="ghost" className="h-9 px-3 text-danger hover:text-danger" disabled={pending} onClick={() => run(() => revoke(link.id))}>
            Revoke
          </Button>
        </div>
      ))}
      <form
        className="flex flex-wrap items-center gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          run(() => create(chainId, showRecipe));
        }}
      >
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={showRecipe} onChange={(event) => setShowRecipe(event.target.checked)} className="accent-[var(--accent)]" />
          Show each shot’s prompt
        </label>
        <Button type="submit" disabled={pending} data-testid="chain-share-create">
          {links.length ? 'Create another link' : 'Create public link'}
        </Button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  );
}
