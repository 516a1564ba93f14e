'use client';

import { useState, useTransition } from 'react';
import type { PresetView } from '@/lib/presets/schemas';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import type { PresetActions } from './types';
import { useRefreshPresets } from './use-presets';

/** The member's presets, setups first (apply fills the form), negative prompts after (they are applied beside the negative prompt). */
export function PresetList({ presets, onApply, actions }: { presets: PresetView[]; onApply: (preset: PresetView) => void; actions: PresetActions }) {
  const setups = presets.filter((preset) => preset.kind === 'setup');
  const negatives = presets.filter((preset) => preset.kind === 'negative');
  return (
    <div className="space-y-3">
      {setups.length === 0 ? (
        <p className="text-sm text-muted">No saved setups yet. Save the form’s current settings below to come back to them in one click.</p>
      ) : (
        <ul className="space-y-1" aria-label="Saved setups">
          {setups.map((preset) => (
            <PresetRow key={preset.id} preset={preset} actions={actions} onApply={() => onApply(preset)} />
          ))}
        </ul>
      )}
      {negatives.length > 0 && (
        <div className="space-y-1">
          <p className="text-xs font-medium text-muted">Negative prompts (added from beside the negative prompt)</p>
          <ul className="space-y-1" aria-label="Saved negative prompts">
            {negatives.map((preset) => (
              <PresetRow key={preset.id} preset={preset} actions={actions} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function PresetRow({ preset, actions, onApply }: { preset: PresetView; actions: PresetActions; onApply?: () => void }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(preset.name);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const refresh = useRefreshPresets();
  const scope = preset.shared ? `Team · ${preset.mine ? 'you' : preset.authorName}` : 'Just you';

  const run = (work: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      const result = await work();
      if (!result.ok) return setError(result.message);
      setError(undefined);
      setMode('view');
      await refresh();
    });

  return (
    <li className="rounded-md px-1 py-1" data-testid="preset-row">
      {mode === 'rename' ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => actions.rename({ id: preset.id, name }));
          }}
        >
          <input aria-label={`New name for ${preset.name}`} value={name} onChange={(event) => setName(event.target.value)} className={`${inputClass} h-9 min-w-0 flex-1 py-1`} autoFocus />
          <Button type="submit" className="h-9 px-3" disabled={pending}>Save</Button>
          <Button variant="ghost" className="h-9 px-3" onClick={() => setMode('view')}>Cancel</Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          {onApply ? (
            <button type="button" onClick={onApply} className="flex min-w-0 flex-1 basis-40 items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm font-medium hover:bg-raised" aria-label={`Apply preset ${preset.name}`}>
              {typeof preset.startImage === 'object' && preset.startImage && (
                <img src={preset.startImage.previewUrl} alt="" className="h-6 w-auto max-w-10 shrink-0 rounded-sm border border-line object-contain" data-testid="preset-frame" />
              )}
              <span className="truncate">{preset.name}</span>
            </button>
          ) : (
            <span className="min-w-0 flex-1 basis-40 truncate px-2 py-1.5 text-sm">{preset.name}</span>
          )}
          {preset.startImage === 'missing' && <span className="text-xs text-warning">Start image gone</span>}
          <span className="text-xs text-muted">{scope}</span>
          {preset.mayManage && mode === 'view' && (
            <span className="flex gap-1">
              <Button variant="ghost" className="h-8 px-2 text-xs" onClick={() => setMode('rename')} aria-label={`Rename ${preset.name}`}>Rename</Button>
              <Button variant="ghost" className="h-8 px-2 text-xs" onClick={() => setMode('delete')} aria-label={`Delete ${preset.name}`}>Delete</Button>
            </span>
          )}
          {mode === 'delete' && (
            <span className="flex items-center gap-1 text-xs">
              Delete{preset.shared ? ' for the whole team' : ''}?
              <Button variant="ghost" className="h-8 px-2 text-xs text-danger" disabled={pending} onClick={() => run(() => actions.remove(preset.id))}>Delete</Button>
              <Button variant="ghost" className="h-8 px-2 text-xs" onClick={() => setMode('view')}>Keep</Button>
            </span>
          )}
        </div>
      )}
      {error && <p role="alert" className="px-2 text-xs text-danger">{error}</p>}
    </li>
  );
}
