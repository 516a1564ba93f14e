'use client';

import dynamic from 'next/dynamic';
import { useId, useState } from 'react';
import type { PresetView } from '@/lib/presets/schemas';
import type { FieldProps } from '../studio-form-fields';
import { Button } from '../ui/button';
import { PresetList } from './preset-list';
import type { PresetActions } from './types';
import { usePresets } from './use-presets';

type Applied = { name: string; notes: string[] };

// The save form and the checks an applied preset goes through load when the presets are opened: with them come
// the request's schemas, which a page that only shows the form need not build (lib/generation/request-fields.ts).
const SavePresetForm = dynamic(() => import('./save-preset-form').then((module) => module.SavePresetForm), {
  loading: () => <p className="text-sm text-muted">Loading…</p>,
});

/** Presets above the form: a toggle, the list (apply, rename, delete), the save form, and what the last apply changed. */
export function PresetBar({ values, set, webhookAvailable, actions }: Pick<FieldProps, 'values' | 'set'> & { webhookAvailable: boolean; actions: PresetActions }) {
  const [open, setOpen] = useState(false);
  const [applied, setApplied] = useState<Applied>();
  const panelId = useId();
  const presets = usePresets();

  async function apply(preset: PresetView) {
    const { applySetup } = await import('@/lib/presets/apply');
    const { values: next, notes } = applySetup(preset.settings, { webhookAvailable, startImage: preset.startImage });
    for (const [key, value] of Object.entries(next)) set(key as keyof typeof next, value as never);
    setApplied({ name: preset.name, notes });
    setOpen(false);
  }

  const setups = presets.data?.filter((preset) => preset.kind === 'setup') ?? [];
  return (
    <div className="mb-5 space-y-2" data-testid="presets">
      <div className="flex items-center justify-between gap-3">
        <Button variant="secondary" className="h-9 px-3" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((current) => !current)}>
          Presets{setups.length ? <span className="rounded-full bg-raised px-1.5 text-xs tabular-nums text-muted">{setups.length}</span> : null}
          <span aria-hidden className={`text-xs transition ${open ? 'rotate-180' : ''}`}>▾</span>
        </Button>
        {applied && (
          <button type="button" className="truncate text-xs text-muted hover:text-ink" onClick={() => setApplied(undefined)} aria-label="Dismiss the preset note">
            Applied “{applied.name}”
          </button>
        )}
      </div>
      {applied && applied.notes.length > 0 && (
        <div role="status" data-testid="preset-notes" className="rounded-lg border border-warning/40 bg-warning/10 px-3 py-2 text-xs text-ink">
          <p className="font-medium">Some saved values changed to fit this studio:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-4">
            {applied.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {open && (
        <div id={panelId} className="space-y-4 rounded-lg border border-line bg-canvas/60 p-3">
          {presets.isPending ? (
            <p className="text-sm text-muted">Loading presets…</p>
          ) : presets.isError ? (
            <p className="text-sm text-danger">The presets could not be loaded. Try again in a moment.</p>
          ) : (
            <PresetList presets={presets.data} onApply={(preset) => void apply(preset)} actions={actions} />
          )}
          <SavePresetForm values={values} actions={actions} />
        </div>
      )}
    </div>
  );
}
