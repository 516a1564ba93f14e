'use client';

import type { BatchBaseInput } from '@/lib/batch/batch-base';
import { models, modelIds, type ModelId } from '@/lib/generation/models';
import { NEGATIVE_PROMPT_MAX } from '@/lib/generation/request-fields';
import { inputClass } from '../ui/field';

export type BaseValues = Required<Omit<BatchBaseInput, 'negativePrompt' | 'provider' | 'requestType'>> & { negativePrompt: string };

export const initialBase: BaseValues = { model: 'wan-2-5', resolution: '720p', aspectRatio: '16:9', duration: '5', enablePromptExpansion: 'true', negativePrompt: '' };

const selectClass = `${inputClass} h-10`;

/** The base setup: what every row falls back to for a column it does not have (or leaves empty). */
export function BatchBaseFields({ value, onChange }: { value: BaseValues; onChange: (next: BaseValues) => void }) {
  const model = models[value.model as ModelId] ?? models['wan-2-5'];
  const frames = model.aspectRatiosAt[value.resolution as keyof typeof model.aspectRatiosAt] ?? [];
  const set = <K extends keyof BaseValues>(key: K, next: BaseValues[K]) => onChange({ ...value, [key]: next });
  // A frame the resolution does not offer is never kept out of sight: the select would show one value and send another.
  const frameAt = (row: (typeof models)[ModelId], resolution: string, frame: string) =>
    (row.aspectRatiosAt[resolution as keyof typeof row.aspectRatiosAt] ?? []).includes(frame as never) ? frame : '16:9';
  const pickResolution = (resolution: BaseValues['resolution']) =>
    onChange({ ...value, resolution, aspectRatio: frameAt(model, resolution, value.aspectRatio) as BaseValues['aspectRatio'] });
  const pickModel = (id: ModelId) => {
    const row = models[id];
    const resolution = row.resolutions.includes(value.resolution as never) ? value.resolution : '720p';
    onChange({ ...value, model: id, resolution, aspectRatio: frameAt(row, resolution, value.aspectRatio) as BaseValues['aspectRatio'] });
  };
  return (
    <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="batch-base">
      <legend className="mb-2 text-sm font-medium text-ink">Base setup <span className="font-normal text-muted">· for every column a row leaves out</span></legend>
      <label className="space-y-1 text-xs text-muted">
        Model
        <select className={selectClass} value={value.model} onChange={(event) => pickModel(event.target.value as ModelId)} data-testid="batch-base-model">
          {modelIds.map((id) => (
            <option key={id} value={id}>
              {models[id].label}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-xs text-muted">
        Resolution
        <select className={selectClass} value={value.resolution} onChange={(event) => pickResolution(event.target.value as BaseValues['resolution'])} data-testid="batch-base-resolution">
          {model.resolutions.map((resolution) => (
            <option key={resolution}>{resolution}</option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-xs text-muted">
        Frame
        <select className={selectClass} value={value.aspectRatio} onChange={(event) => set('aspectRatio', event.target.value as BaseValues['aspectRatio'])}>
          {frames.map((frame) => (
            <option key={frame}>{frame}</option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-xs text-muted">
        Duration
        <select className={selectClass} value={value.duration} onChange={(event) => set('duration', event.target.value as BaseValues['duration'])} data-testid="batch-base-duration">
          <option value="5">5 s</option>
          <option value="10">10 s</option>
        </select>
      </label>
      <label className="col-span-2 space-y-1 text-xs text-muted sm:col-span-3">
        Negative prompt
        <input
          className={`${inputClass} h-10`}
          value={value.negativePrompt}
          maxLength={NEGATIVE_PROMPT_MAX}
          placeholder="low quality, blurry, shaky, distorted"
          onChange={(event) => set('negativePrompt', event.target.value)}
        />
      </label>
      <label className="flex items-end gap-2 pb-2.5 text-sm text-ink">
        <input type="checkbox" className="accent-[var(--accent)]" checked={value.enablePromptExpansion === 'true'} onChange={(event) => set('enablePromptExpansion', event.target.checked ? 'true' : 'false')} />
        Prompt expansion
      </label>
    </fieldset>
  );
}
