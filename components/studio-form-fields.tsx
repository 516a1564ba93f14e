'use client';

import { useRef } from 'react';
import { aspectRatiosFor, models, modes, promptRequired, NEGATIVE_PROMPT_MAX, providers, randomSeed, requestTypes, type FieldErrors } from '@/lib/generation/request-fields';
import { WEBHOOK_NEEDS_PUBLIC_URL } from '@/lib/reachable-messages';
import type { StudioFormValues } from './studio-form-values';
import { NegativePresetChips } from './presets/negative-preset-chips';
import { PromptHelpers } from './prompt-help/prompt-helpers';
import { Button } from './ui/button';
import { Field, inputClass } from './ui/field';
import { Segmented } from './ui/segmented';

/** The schema's choices, each with the words the form shows for it. */
const optionsOf = <T extends string | number>(values: readonly T[], label: (value: T) => string) => values.map((value) => ({ value, label: label(value) }));
const modeLabels: Record<StudioFormValues['mode'], string> = { 'text-to-video': 'Text → video', 'image-to-video': 'Image → video' };
const deliveryLabels: Record<StudioFormValues['requestType'], string> = { async: 'Polling', callback: 'Webhook' };
const providerLabels: Record<StudioFormValues['provider'], string> = { auto: 'Auto', value: 'Value', official: 'Official' };

export const modeOptions = optionsOf(modes, (mode) => modeLabels[mode]);
const deliveryOptions = optionsOf(requestTypes, (type) => deliveryLabels[type]);
const providerOptions = optionsOf(providers, (provider) => providerLabels[provider]);

export type FieldProps = {
  values: StudioFormValues;
  set: <K extends keyof StudioFormValues>(key: K, value: StudioFormValues[K]) => void;
  errorOf: (key: keyof FieldErrors) => string | undefined;
  /** Changes values and fits the rest to the model (a resolution or frame it does not take), saying what changed. */
  fit: (patch: Partial<StudioFormValues>) => void;
};

function Counter({ text, max, testId }: { text: string; max: number; testId?: string }) {
  const length = text.trim().length;
  return (
    <span data-testid={testId} className={`font-mono text-xs tabular-nums ${length > max ? 'text-danger' : 'text-muted'}`}>
      {length}/{max}
    </span>
  );
}

/** What the clip shows, and what it should not. */
export function PromptFields({ values, set, errorOf }: FieldProps) {
  const promptRef = useRef<HTMLTextAreaElement>(null);
  return (
    <>
      <Field
        id="prompt"
        label={promptRequired(values.model, values.mode) ? 'Prompt' : 'Prompt (optional)'}
        hint={promptRequired(values.model, values.mode) ? undefined : 'Without one, the clip follows the start image alone.'}
        error={errorOf('prompt')} aside={<Counter text={values.prompt} max={models[values.model].promptMax} testId="prompt-counter" />}>
        <textarea
          ref={promptRef}
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
      <PromptHelpers textarea={promptRef} values={values} set={set} />

      <Field id="negativePrompt" label="Negative prompt" error={errorOf('negativePrompt')} aside={<Counter text={values.negativePrompt} max={NEGATIVE_PROMPT_MAX} />}>
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
      <NegativePresetChips value={values.negativePrompt} onChange={(value) => set('negativePrompt', value)} />
    </>
  );
}

function SeedField({ values, set, errorOf }: FieldProps) {
  return (
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
  );
}

/** How the clip is made and delivered: size, length, seed, provider, delivery and prompt expansion. */
export function ClipSettingsFields({ webhookAvailable, ...props }: FieldProps & { webhookAvailable: boolean }) {
  const { values, set, errorOf, fit } = props;
  // Only what this model takes: 480p on wan-2-5-video, 4:3 and 3:4 there at 720p and 1080p.
  const model = models[values.model];
  const resolutionOptions = optionsOf(model.resolutions, String);
  const durationOptions = optionsOf(model.durations, (seconds) => `${seconds} s`);
  const frames = aspectRatiosFor(values.model, values.resolution);
  // Image-to-video sends no frame (it follows the image): the choice stays as it was, greyed.
  const aspectOptions = optionsOf(values.mode === 'image-to-video' && !frames.includes(values.aspectRatio) ? [...frames, values.aspectRatio] : frames, String);
  return (
    <>
      <div className="grid grid-cols-2 gap-4">
        <Segmented name="resolution" label="Resolution" options={resolutionOptions} value={values.resolution} onChange={(v) => fit({ resolution: v })} />
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

      <SeedField {...props} />

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
              : WEBHOOK_NEEDS_PUBLIC_URL)}
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
    </>
  );
}
