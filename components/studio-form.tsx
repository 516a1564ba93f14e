'use client';

import { useState, useTransition, type FormEvent, type KeyboardEvent } from 'react';
import type { ActionResult } from '@/lib/actions';
import { type FieldErrors, type GenerationRequestInput, type PriceTable, randomSeed } from '@/lib/generation/request-fields';
import type { GenerationView } from '@/lib/generation/view';
import { toRequestInput } from '@/lib/presets/form-request';
import { validateForm, type StudioFormValues } from './studio-form-values';
import type { SweepAction } from './sweep-form';
import { SweepDisclosure } from './sweep-disclosure';
import { ClipSettingsFields, modeOptions, PromptFields } from './studio-form-fields';
import { ModelChoice } from './model-choice';
import { fitToModel } from '@/lib/generation/model-fit';
import { Button } from './ui/button';
import { StartImagePicker } from './start-image-picker';
import { SoundTrackPicker } from './sound-track-picker';
import { models } from '@/lib/generation/models';
import { Segmented } from './ui/segmented';
import { CostEstimate } from './cost-estimate';
import { PresetBar } from './presets/preset-bar';
import type { PresetActions } from './presets/types';
import { announceClipsStarted } from './activity-events';
import { askToNotifyOnce } from './activity-notify-permission';
import { QuotaLine } from './quota-line';
import { useRequestSchema } from './hooks/use-request-schema';

export type CreateGenerationAction = (
  input: GenerationRequestInput,
  parentId?: string,
  /** The next shot of a chain, continued from the last frame of `after`. */
  chain?: { chainId: string; after: string },
) => Promise<ActionResult<GenerationView, FieldErrors>>;


export function StudioForm({
  initialValues,
  parentId,
  action,
  onCreated,
  webhookAvailable,
  uploadsAvailable,
  sweep,
  presetActions,
}: {
  initialValues: StudioFormValues;
  parentId?: string;
  webhookAvailable: boolean;
  uploadsAvailable: boolean;
  action: CreateGenerationAction;
  onCreated: (view: GenerationView) => void;
  /** Offers a seed sweep of the form's current settings. */
  sweep?: { prices: PriceTable; budgetCents: number; createSweep: SweepAction };
  /** Saving, renaming and deleting presets; without them the form shows no presets. */
  presetActions?: PresetActions;
}) {
  const [values, setValues] = useState(initialValues);
  const [touched, setTouched] = useState<Partial<Record<keyof StudioFormValues, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [modelChanges, setModelChanges] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();

  // Errors show for touched fields only, so the schema can wait for the first edit.
  const { request, errors } = validateForm(values, useRequestSchema(submitted || Object.keys(touched).length > 0));
  const errorOf = (key: keyof FieldErrors) =>
    (submitted || touched[key as keyof StudioFormValues] ? errors[key]?.[0] : undefined) ?? serverErrors[key]?.[0];

  function set<K extends keyof StudioFormValues>(key: K, value: StudioFormValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
    setTouched((current) => ({ ...current, [key]: true }));
    setServerErrors((current) => ({ ...current, [key]: undefined }));
  }

  /** A change of model, resolution or mode: every other value the model still takes is kept, and what it could not keep is said. */
  function fit(patch: Partial<StudioFormValues>) {
    const fitted = fitToModel({ ...values, ...patch }, patch.model ?? values.model);
    setValues(fitted.values);
    setModelChanges(fitted.changes);
    // Another model or mode changes what every field may be: the server's last word on them no longer holds.
    setServerErrors({});
    for (const key of Object.keys(patch) as (keyof StudioFormValues)[]) setTouched((current) => ({ ...current, [key]: true }));
  }

  function submit() {
    setSubmitted(true);
    setFormError(undefined);
    setServerErrors({});
    if (!request || pending) return;
    askToNotifyOnce();
    startTransition(async () => {
      const result = await action(request, parentId);
      if (!result.ok) {
        setFormError(result.message);
        setServerErrors(result.fieldErrors ?? {});
        return;
      }
      onCreated(result.data);
      announceClipsStarted();
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

  const fieldProps = { values, set, errorOf, fit };
  return (
    <>
      {presetActions && <PresetBar values={values} set={set} webhookAvailable={webhookAvailable} actions={presetActions} />}
      <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate className="space-y-5" aria-label="New generation">
        <ModelChoice value={values.model} onChange={(model) => fit({ model })} changes={modelChanges} />
        <Segmented name="mode" label="Mode" options={modeOptions} value={values.mode} onChange={(v) => fit({ mode: v })} />
        {values.mode === 'image-to-video' && (
          <StartImagePicker
            value={values.startImage}
            onChange={(image) => set('startImage', image)}
            uploadsAvailable={uploadsAvailable}
            error={errorOf('imageUrls') ?? errorOf('imageId')}
          />
        )}
        <PromptFields {...fieldProps} />
        {models[values.model].audio && (
          <SoundTrackPicker
            value={values.soundTrack}
            onChange={(track) => set('soundTrack', track)}
            clipSeconds={values.duration}
            uploadsAvailable={uploadsAvailable}
            error={errorOf('audioId') ?? errorOf('audioUrls')}
          />
        )}
        <ClipSettingsFields {...fieldProps} webhookAvailable={webhookAvailable} />

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
        <CostEstimate values={values} prices={sweep?.prices} />
        <QuotaLine />
      </form>
      {sweep && (
        <SweepDisclosure
          className="mt-4"
          summary="Sweep seeds instead…"
          base={request ?? toRequestInput(values)}
          parentId={parentId}
          prices={sweep.prices}
          budgetCents={sweep.budgetCents}
          createSweep={sweep.createSweep}
        />
      )}
    </>
  );
}
