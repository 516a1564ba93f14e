'use client';

import { modelIds, models, type ModelId } from '@/lib/generation/models';
import { Segmented } from './ui/segmented';

const modelOptions = modelIds.map((id) => ({ value: id, label: models[id].label }));

/**
 * Which of the service's models makes the clip, with one line on what it offers, and, after a switch, what the
 * form had to change for it (`fitToModel`) so nothing changes silently.
 */
export function ModelChoice({ value, onChange, changes }: { value: ModelId; onChange: (model: ModelId) => void; changes: string[] }) {
  return (
    <div className="space-y-1.5">
      <Segmented name="model" label="Model" options={modelOptions} value={value} onChange={onChange} />
      <p className="text-xs text-muted" data-testid="model-summary">
        {models[value].summary}
      </p>
      <div role="status" aria-live="polite" data-testid="model-changes">
        {changes.length > 0 && (
          <ul className="space-y-0.5 rounded-lg bg-accent/10 px-3 py-2 text-xs text-ink">
            {changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
