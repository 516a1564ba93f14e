'use client';

import { useId, useState, useSyncExternalStore } from 'react';
import type { ActionResult } from '@/lib/actions';
import type { ShareInput } from '@/lib/teams/schemas';
import { CopyLink } from './team/copy-link';
import { useAction } from './hooks/use-action';
import { Button } from './ui/button';

const noSubscription = () => () => undefined;

type Link = { id: string; path: string; scope: 'clip' | 'sweep'; showRecipe: boolean };
type Create = (input: ShareInput) => Promise<ActionResult<{ id: string; path: string }>>;

/**
 * Public links to this clip (or its whole sweep): copy and revoke each. With no link the box is the form; once
 * there is one, another (say video only, or for the sweep) is made behind "Create another link".
 */
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
  create: Create;
  revoke: (id: string) => Promise<ActionResult<null>>;
}) {
  const { run, error, pending } = useAction();
  const [adding, setAdding] = useState(false);
  const formId = useId();
  // The page's own address, known only in the browser (the server renders the path alone).
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  const hasLinks = links.length > 0;
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
      {hasLinks && (
        <button
          type="button"
          className="inline-flex min-h-8 items-center gap-1.5 rounded-md text-xs font-medium text-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
          aria-expanded={adding}
          aria-controls={formId}
          onClick={() => setAdding((open) => !open)}
        >
          Create another link
          <span aria-hidden className={`transition ${adding ? 'rotate-180' : ''}`}>▾</span>
        </button>
      )}
      {(!hasLinks || adding) && (
        <ShareForm
          id={formId}
          inSweep={inSweep}
          pending={pending}
          onCancel={hasLinks ? () => setAdding(false) : undefined}
          onCreate={(input) => run(() => create({ ...input, generationId }), () => setAdding(false))}
        />
      )}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  );
}

function ShareForm({
  id,
  inSweep,
  pending,
  onCancel,
  onCreate,
}: {
  id: string;
  inSweep: boolean;
  pending: boolean;
  onCancel?: () => void;
  onCreate: (input: Omit<ShareInput, 'generationId'>) => void;
}) {
  const [scope, setScope] = useState<'clip' | 'sweep'>('clip');
  const [showRecipe, setShowRecipe] = useState(true);
  return (
    <form
      id={id}
      aria-label={onCancel ? 'Another public link' : 'Public link'}
      className="space-y-2 rounded-lg border border-line p-3"
      onSubmit={(event) => {
        event.preventDefault();
        onCreate({ scope, showRecipe });
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
      <div className="flex gap-2">
        <Button type="submit" className="flex-1" disabled={pending} data-testid="share-create">
          Create public link
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
      <p className="text-xs text-muted">Anyone with the link can watch, without an account, until you revoke it.</p>
    </form>
  );
}
