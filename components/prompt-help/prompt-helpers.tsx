'use client';

import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { models } from '@/lib/generation/request-fields';
import { cameraChips, motionChips, SHORT_PROMPT } from '@/lib/prompts/prompt-help';
import { insertPhrase } from '@/lib/prompts/insert-phrase';
import type { FieldProps } from '../studio-form-fields';
import { PhraseChips } from './phrase-chips';
import { PromptHistory } from './prompt-history';
import { PromptTips } from './prompt-tips';

const panels = [
  { id: 'camera', label: 'Camera' },
  { id: 'motion', label: 'Motion' },
  { id: 'history', label: 'History' },
  { id: 'tips', label: 'Tips' },
] as const;
type Panel = (typeof panels)[number]['id'];

/** Beside the prompt: chips that insert camera moves and motion at the cursor, the member's prompt history, and the tips. */
export function PromptHelpers({ textarea, values, set }: Pick<FieldProps, 'values' | 'set'> & { textarea: RefObject<HTMLTextAreaElement | null> }) {
  const [open, setOpen] = useState<Panel | null>(null);
  const [message, setMessage] = useState<string>();
  const placed = useCaretPlaced(textarea);
  const panelId = useId();

  function insert(phrase: string) {
    const element = textarea.current;
    const text = values.prompt;
    // Until the member has put the caret somewhere, a chip goes at the end.
    const [start, end] = element && placed.current ? [element.selectionStart, element.selectionEnd] : [text.length, text.length];
    const result = insertPhrase({ text, start, end, phrase, max: models[values.model].promptMax });
    if (!result.ok) return setMessage(result.message);
    setMessage(undefined);
    set('prompt', result.text);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(result.cursor, result.cursor);
      placed.current = true;
    });
  }

  const short = values.prompt.trim().length > 0 && values.prompt.trim().length < SHORT_PROMPT && !values.enablePromptExpansion;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-1.5" role="group" aria-label="Prompt help">
        {panels.map((panel) => (
          <button
            key={panel.id}
            type="button"
            aria-expanded={open === panel.id}
            aria-controls={open === panel.id ? panelId : undefined}
            onClick={() => setOpen((current) => (current === panel.id ? null : panel.id))}
            className={`rounded-md px-2.5 py-1 text-xs font-medium transition ${open === panel.id ? 'bg-raised text-ink' : 'text-muted hover:bg-raised hover:text-ink'}`}
          >
            {panel.label}
          </button>
        ))}
      </div>
      {open && (
        <div id={panelId} className="rounded-lg border border-line bg-canvas/60 p-3">
          {open === 'camera' && <PhraseChips label="Camera movement" phrases={cameraChips} onPick={insert} />}
          {open === 'motion' && <PhraseChips label="Dynamic elements" phrases={motionChips} onPick={insert} />}
          {open === 'history' && (
            <PromptHistory
              onUse={(entry, withNegative) => {
                set('prompt', entry.prompt);
                if (withNegative) set('negativePrompt', entry.negativePrompt);
                setOpen(null);
                setMessage(undefined);
              }}
            />
          )}
          {open === 'tips' && <PromptTips />}
        </div>
      )}
      {message && (
        <p role="status" className="text-xs text-warning" data-testid="chip-message">
          {message}
        </p>
      )}
      {short && (
        <p className="text-xs text-muted" data-testid="short-prompt-hint">
          Short prompt: <button type="button" className="font-medium text-accent underline-offset-2 hover:underline" onClick={() => set('enablePromptExpansion', true)}>turn on prompt expansion</button> and the service adds the detail.
        </p>
      )}
    </div>
  );
}

/** Whether the member has put the caret in the prompt themselves (typing, clicking, selecting), not just autofocus. */
function useCaretPlaced(textarea: RefObject<HTMLTextAreaElement | null>) {
  const placed = useRef(false);
  useEffect(() => {
    const element = textarea.current;
    if (!element) return;
    const mark = () => (placed.current = true);
    const events = ['mouseup', 'keyup', 'input', 'select', 'touchend'] as const;
    for (const name of events) element.addEventListener(name, mark);
    return () => events.forEach((name) => element.removeEventListener(name, mark));
  }, [textarea]);
  return placed;
}
