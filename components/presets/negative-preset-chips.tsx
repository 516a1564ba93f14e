'use client';

import { useState } from 'react';
import { NEGATIVE_PROMPT_MAX } from '@/lib/generation/request-fields';
import { builtInNegativePresets } from '@/lib/presets/negative-presets';
import { appendTerms } from '@/lib/prompts/insert-phrase';
import { usePresets } from './use-presets';

/** One click adds a negative-prompt preset's terms (those not there yet) to the negative prompt. */
export function NegativePresetChips({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [message, setMessage] = useState<string>();
  const saved = usePresets().data?.filter((preset) => preset.kind === 'negative') ?? [];
  const chips = [
    ...builtInNegativePresets.map((preset) => ({ key: `built-in ${preset.name}`, name: preset.name, terms: preset.negativePrompt })),
    ...saved.flatMap((preset) => {
      const terms = (preset.settings as { negativePrompt?: unknown }).negativePrompt;
      return typeof terms === 'string' ? [{ key: preset.id, name: preset.name, terms }] : [];
    }),
  ];

  function add(terms: string) {
    const result = appendTerms({ text: value, addition: terms, max: NEGATIVE_PROMPT_MAX });
    if (!result.ok) return setMessage(result.message);
    setMessage(undefined);
    onChange(result.text);
  }

  return (
    <div className="space-y-1.5">
      <ul className="flex flex-wrap gap-1.5" aria-label="Negative prompt presets">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              title={chip.terms}
              aria-label={`Add ${chip.name}: ${chip.terms}`}
              onClick={() => add(chip.terms)}
              className="rounded-full border border-line px-2.5 py-1 text-xs text-muted transition hover:border-accent hover:text-ink"
            >
              + {chip.name}
            </button>
          </li>
        ))}
      </ul>
      {message && (
        <p role="status" className="text-xs text-warning" data-testid="negative-chip-message">
          {message}
        </p>
      )}
    </div>
  );
}
