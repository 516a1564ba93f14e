'use client';

import { useState, useTransition, type FormEvent } from 'react';
import { PRESET_NAME_MAX, savePresetSchema, type SavePresetInput } from '@/lib/presets/schemas';
import type { StudioFormValues } from '../studio-form-values';
import { presetInputOf } from './preset-input';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { Segmented } from '../ui/segmented';
import type { PresetActions } from './types';
import { useRefreshPresets } from './use-presets';

type Kind = SavePresetInput['kind'];
const kindOptions = [
  { value: 'setup', label: 'Setup' },
  { value: 'negative', label: 'Negative' },
] as const satisfies readonly { value: Kind; label: string }[];
const scopeOptions = [
  { value: 'me', label: 'Just me' },
  { value: 'team', label: 'Team' },
] as const;

export function SavePresetForm({ values, actions }: { values: StudioFormValues; actions: PresetActions }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('setup');
  const [scope, setScope] = useState<'me' | 'team'>('me');
  const [includePrompt, setIncludePrompt] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' }>();
  const [pending, startTransition] = useTransition();
  const refresh = useRefreshPresets();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = presetInputOf(values, { kind, name, shared: scope === 'team', includePrompt });
    const checked = savePresetSchema.safeParse(input);
    if (!checked.success) return setMessage({ text: checked.error.issues[0]?.message ?? 'This setup cannot be saved.', tone: 'error' });
    startTransition(async () => {
      const result = await actions.save(input);
      if (!result.ok) return setMessage({ text: result.message, tone: 'error' });
      setMessage({ text: `${result.data.replaced ? 'Updated' : 'Saved'} “${checked.data.name}”.`, tone: 'ok' });
      setName('');
      await refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 border-t border-line pt-3" aria-label="Save a preset" noValidate>
      <div className="space-y-1.5">
        <label htmlFor="preset-name" className="text-sm font-medium">Save current as</label>
        <div className="flex gap-2">
          <input id="preset-name" value={name} maxLength={PRESET_NAME_MAX + 20} onChange={(event) => setName(event.target.value)} placeholder="Night city, 1080p" className={`${inputClass} min-w-0 flex-1`} />
          <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save'}</Button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Segmented name="preset-kind" label="What" options={kindOptions} value={kind} onChange={setKind} />
        <Segmented name="preset-scope" label="For" options={scopeOptions} value={scope} onChange={setScope} />
      </div>
      {kind === 'setup' && (
        <label className="flex cursor-pointer items-center gap-2 text-sm">
          <input type="checkbox" checked={includePrompt} onChange={(event) => setIncludePrompt(event.target.checked)} className="size-4 accent-[var(--accent)]" />
          Include the prompt
        </label>
      )}
      {message && (
        <p role="status" className={`text-xs ${message.tone === 'error' ? 'text-danger' : 'text-success'}`} data-testid="preset-save-message">
          {message.text}
        </p>
      )}
    </form>
  );
}
