'use client';

import dynamic from 'next/dynamic';
import { useState, type ComponentProps } from 'react';
import type { SweepForm as SweepFormComponent } from './sweep-form';

// The sweep form loads with its disclosure's first opening: with it come the sweep's and the request's schemas
// (zod), which a page whose sweep stays closed never needs.
const SweepForm = dynamic(() => import('./sweep-form').then((module) => module.SweepForm), {
  loading: () => <p className="p-2 text-sm text-muted">Loading…</p>,
});

/** "Sweep seeds…" as a disclosure: closed it costs the page nothing; open it is the whole sweep form. */
export function SweepDisclosure({ summary, className = '', ...form }: { summary: string; className?: string } & ComponentProps<typeof SweepFormComponent>) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={`group rounded-lg border border-line ${className}`} data-testid="form-sweep" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer select-none px-3 py-2 text-sm text-muted hover:text-ink">{summary}</summary>
      {opened && (
        <div className="border-t border-line p-2">
          <SweepForm {...form} />
        </div>
      )}
    </details>
  );
}
