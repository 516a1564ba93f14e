'use client';

import { useState, useTransition, type FormEvent, type KeyboardEvent } from 'react';
import type { ActionResult } from '@/lib/actions';
import { NEGATIVE_PROMPT_MAX, PROMPT_MAX, type FieldErrors, type GenerationRequestInput } from '@/lib/generation/schema';
import { randomSeed } from '@/lib/generation/seed';
import type { GenerationView } from '@/lib/generation/view';
import type { PriceTable } from '@/lib/generation/pricing';
import { toRequestInput, validateForm, type StudioFormValues } from './studio-form-values';
import { SweepForm, type SweepAction } from './sweep-form';
import { Button } from './ui/button';
import { Field, inputClass } from './ui/field';
import { StartImagePicker } from './start-image-picker';
import { Segmented } from './ui/segmented';

const resolutionOptions = [
  { value: '720p', label: '720p' },
  { value: '1080p', label: '1080p' },
] as const;
const aspectOptions = [
  { value: '16:9', label: '16:9' },
  { value: '9:16', label: '9:16' },
  { value: '1:1', label: '1:1' },
] as const;
const durationOptions = [
  { value: 5, label: '5 s' },
  { value: 10, label: '10 s' },
] as const;
const modeOptions = [
  { value: 'text-to-video', label: 'Text → video' },
  { value: 'image-to-video', label: 'Image → video' },
] as const;
const deliveryOptions = [
  { value: 'async', label: 'Polling' },
  { value: 'callback', label: 'Webhook' },
] as const;
const providerOptions = [
  { value: 'auto', label: 'Auto' },
  { value: 'value', label: 'Value' },
  { value: 'official', label: 'Official' },
] as const;

export type CreateGenerationAction = (
  input: GenerationRequestInput,
  parentId?: string,
) => Promise<ActionResult<GenerationView, FieldErrors>>;

export function StudioForm({
  initialValues,
  parentId,
  action,
  onCreated,
  webhookAvailable,
  uploadsAvailable,
  sweep,
}: {
  initialValues: StudioFormValues;
  parentId?: string;
  webhookAvailable: boolean;
  uploadsAvailable: boolean;
  action: CreateGenerationAction;
  onCreated: (view: GenerationView) => void;
  /** Offers a seed sweep of the form's current settings. */
  sweep?: { prices: PriceTable; budgetCents: number; createSweep: SweepAction };
}) {
  const [values, setValues] = useState(initialValues);
  const [touched, setTouched] = useState<Partial<Record<keyof StudioFormValues, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const { request, errors } = validateForm(values);
  const errorOf = (key: keyof FieldErrors) =>
    (submitted || touched[key as keyof StudioFormValues] ? errors[key]?.[0] : undefined) ?? serverErrors[key]?.[0];

  function set<K extends keyof StudioFormValues>(key: K, value: StudioFormValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
    setTouched((current) => ({ ...current, [key]: true }));
    setServerErrors((current) => ({ ...current, [key]: undefined }));
  }

  function submit() {
    setSubmitted(true);
    setFormError(undefined);
    if (!request || pending) return;
    startTransition(async () => {
      const result = await action(request, parentId);
      if (!result.ok) {
        setFormError(result.message);
        setServerErrors(result.fieldErrors ?? {});
        return;
      }
      onCreated(result.data);
      setSubmitted(false);
      // An unlocked seed is fresh for every clip; the one just used is stored with the clip.
      if (!values.seedLocked) setValues((current) => ({ ...current, seed: String(randomSeed()) }));
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      submit();
    }
  }

  const promptLength = values.prompt.trim().length;
  return (
    <>
      <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate className="space-y-5" aria-label="New generation">
        <Segmented name="mode" label="Mode" options={modeOptions} value={values.mode} onChange={(v) => set('mode', v)} />
        {values.mode === 'image-to-video' && (
          <StartImagePicker
            value={values.startImage}
            onChange={(image) => set('startImage', image)}
            uploadsAvailable={uploadsAvailable}
            error={errorOf('imageUrls') ?? errorOf('imageId')}
          />
        )}
        <Field
          id="prompt"
          label="Prompt"
          error={errorOf('prompt')}
          aside={
            <span data-testid="prompt-counter" className={`font-mono text-xs tabular-nums ${promptLength > PROMPT_MAX ? 'text-danger' : 'text-muted'}`}>
              {promptLength}/{PROMPT_MAX}
            </span>
          }
        >
          <textarea
            id="prompt"
            rows={5}
            value={values.prompt}
            onChange={(event) => set('prompt', event.target.value)}
            aria-invalid={Boolean(errorOf('prompt'))}
            aria-describedby={errorOf('prompt') ? 'prompt-error' : undefined}
            placeholder="A paper boat drifting down a rain-soaked street at dusk, neon reflections, slow dolly shot"
            className={`${inputClass} resize-y leading-relaxed`}
            autoFocus
          />
        </Field>

        <Field
          id="negativePrompt"
          label="Negative prompt"
          error={errorOf('negativePrompt')}
          aside={
            <span className={`font-mono text-xs tabular-nums ${values.negativePrompt.trim().length > NEGATIVE_PROMPT_MAX ? 'text-danger' : 'text-muted'}`}>
              {values.negativePrompt.trim().length}/{NEGATIVE_PROMPT_MAX}
            </span>
          }
        >
          <textarea
            id="negativePrompt"
            rows={2}
            value={values.negativePrompt}
            onChange={(event) => set('negativePrompt', event.target.value)}
            aria-invalid={Boolean(errorOf('negativePrompt'))}
            placeholder="blurry, watermark, text"
            className={`${inputClass} resize-y`}
          />
        </Field>

        <div className="grid grid-cols-2 gap-4">
          <Segmented name="resolution" label="Resolution" options={resolutionOptions} value={values.resolution} onChange={(v) => set('resolution', v)} />
          <Segmented name="duration" label="Duration" options={durationOptions} value={values.duration} onChange={(v) => set('duration', v)} />
        </div>
        <div className="space-y-1.5">
          <Segmented
            name="aspectRatio"
            label="Aspect ratio"
            options={aspectOptions}
            value={values.aspectRatio}
            onChange={(v) => set('aspectRatio', v)}
            disabled={values.mode === 'image-to-video'}
          />
          {values.mode === 'image-to-video' && <p className="text-xs text-muted">Image to video follows the start image’s shape.</p>}
        </div>

        <Field
          id="seed"
          label="Seed"
          error={errorOf('seed')}
          hint={values.seedLocked ? 'Locked: every clip uses this seed.' : 'A new seed is rolled after each clip; the one used is saved with it.'}
        >
          <div className="flex gap-2">
            <input
              id="seed"
              inputMode="numeric"
              value={values.seed}
              onChange={(event) => set('seed', event.target.value)}
              aria-invalid={Boolean(errorOf('seed'))}
              className={`${inputClass} font-mono`}
            />
            <Button aria-label="Roll a random seed" title="Roll a random seed" onClick={() => set('seed', String(randomSeed()))}>
              Roll
            </Button>
            <Button
              aria-pressed={values.seedLocked}
              aria-label={values.seedLocked ? 'Unlock seed' : 'Lock seed'}
              onClick={() => set('seedLocked', !values.seedLocked)}
              className={values.seedLocked ? 'border-accent text-accent' : ''}
            >
              {values.seedLocked ? 'Locked' : 'Lock'}
            </Button>
          </div>
        </Field>

        <Segmented name="provider" label="Provider" options={providerOptions} value={values.provider} onChange={(v) => set('provider', v)} />

        <div className="space-y-1.5">
          <Segmented
            name="requestType"
            label="Delivery"
            options={deliveryOptions}
            value={values.requestType}
            onChange={(v) => set('requestType', v)}
            disabled={!webhookAvailable}
          />
          <p className={`text-xs ${errorOf('requestType') ? 'text-danger' : 'text-muted'}`} data-testid="requestType-hint">
            {errorOf('requestType') ??
              (webhookAvailable
                ? 'Webhook: the service calls this studio the moment a clip is done, no polling.'
                : 'Webhook needs PUBLIC_URL, an address where the service can reach this studio. Polling works everywhere.')}
          </p>
        </div>

        <label className="flex cursor-pointer items-start gap-3 text-sm">
          <input
            type="checkbox"
            checked={values.enablePromptExpansion}
            onChange={(event) => set('enablePromptExpansion', event.target.checked)}
            className="mt-0.5 size-4 accent-[var(--accent)]"
          />
          <span>
            <span className="font-medium">Prompt expansion</span>
            <span className="block text-xs text-muted">The service rewrites short prompts with more detail.</span>
          </span>
        </label>

        {formError && (
          <p role="status" data-testid="form-error" className="rounded-lg bg-danger/10 px-3 py-2 text-sm text-danger">
            {formError}
          </p>
        )}

        <div className="flex items-center justify-between gap-3">
          <span className="text-xs text-muted">
            <kbd className="rounded border border-line px-1 font-mono">Ctrl</kbd> + <kbd className="rounded border border-line px-1 font-mono">Enter</kbd>
          </span>
          <Button type="submit" variant="primary" disabled={pending} className="min-w-36">
            {pending ? 'Sending…' : 'Generate'}
          </Button>
        </div>
      </form>
      {sweep && (
        <details className="group mt-4 rounded-lg border border-line" data-testid="form-sweep">
          <summary className="cursor-pointer select-none px-3 py-2 text-sm text-muted hover:text-ink">Sweep seeds instead…</summary>
          <div className="border-t border-line p-2">
            <SweepForm base={request ?? toRequestInput(values)} parentId={parentId} prices={sweep.prices} budgetCents={sweep.budgetCents} createSweep={sweep.createSweep} />
          </div>
        </details>
      )}
    </>
  );
}
