'use client';

import { useState } from 'react';

/** A link in a read-only field (named by `label` for screen readers) with a copy button. */
export function CopyLink({ url, testId, label = 'Link' }: { url: string; testId?: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <input readOnly value={url} aria-label={label} data-testid={testId} onFocus={(event) => event.target.select()} className="h-9 min-w-0 flex-1 rounded-lg border border-line bg-raised px-3 font-mono text-xs" />
      <button
        type="button"
        className="h-9 rounded-lg border border-line bg-surface px-3 text-xs text-muted hover:text-ink"
        onClick={async () => {
          await navigator.clipboard.writeText(url);
          setCopied(true);
          setTimeout(() => setCopied(false), 1_500);
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
