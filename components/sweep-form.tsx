'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import { type GenerationRequestInput, generationRequestSchema } from '@/lib/generation/schema';
import { costCents, durations, formatUsd, type PriceTable, SEED_MAX } from '@/lib/generation/request-fields';
import { expandSweep, RESOLUTION_AXIS, SWEEP_MAX, SWEEP_MIN, sweepSchema, sweepSize, type SweepAxis, type SweepInput } from '@/lib/generation/sweep';
import { Button } from './ui/button';
import { inputClass } from './ui/field';
import { Segmented } from './ui/segmented';
import { announceClipsStarted } from './activity-events';

export type SweepAction = (input: { base: GenerationRequestInput; sweep: SweepInput; parentId?: string }) => Promise<ActionResult<{ sweepId: string; ids: string[]; costCents: number }>>;

const axisOptions: { value: SweepAxis; label: string }[] = [
  { value: 'none', label: 'Seeds only' },
  { value: 'duration', label: `× ${durations.map((seconds) => `${seconds} s`).join(' / ')}` },
  { value: 'resolution', label: `× ${RESOLUTION_AXIS.join(' / ')}` },
  { value: 'enablePromptExpansion', label: '× expansion off / on' },
];

/** Many seeds of one request, with the clip count and the estimated cost shown before anything runs. */
export function SweepForm({
  base,
  parentId,
  prices,
  budgetCents,
  createSweep,
}: {
  base: GenerationRequestInput;
  parentId?: string;
  prices: PriceTable;
  budgetCents: number;
  createSweep: SweepAction;
}) {
  const router = useRouter();
  const [kind, setKind] = useState<'next' | 'random' | 'list'>('next');
  const [count, setCount] = useState(4);
  const [list, setList] = useState('');
  const [axis, setAxis] = useState<SweepAxis>('none');
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  // The seeds after this one, wrapping past the largest back to 0.
  const from = ((base.seed ?? 0) + 1) % (SEED_MAX + 1);
  const input: SweepInput = { seeds: kind === 'list' ? { kind, list } : kind === 'next' ? { kind, from, count } : { kind, count }, axis };
  const parsed = sweepSchema.safeParse(input);
  const clips = parsed.success ? sweepSize(parsed.data) : 0;
  // The estimate expands the sweep exactly as the server will (random seeds do not change the cost).
  const request = generationRequestSchema.safeParse(base);
  let drawn = 0;
  const estimate = parsed.success && request.success ? costCents(expandSweep(request.data, parsed.data, () => drawn++), prices) : 0;
  const overBudget = estimate > budgetCents;

  const run = () => {
    setError(undefined);
    startTransition(async () => {
      const result = await createSweep({ base, sweep: input, parentId });
      if (!result.ok) return setError(result.message);
      announceClipsStarted();
      router.push(`/compare?ids=${result.data.ids.slice(0, 16).join(',')}`);
    });
  };

  return (
    <form
      className="space-y-4 rounded-card border border-line bg-surface p-4"
      data-testid="sweep-form"
      onSubmit={(event) => {
        event.preventDefault();
        run();
      }}
    >
      <div className="space-y-1">
        <h2 className="text-sm font-semibold">Seed sweep</h2>
        <p className="text-xs text-muted">The same request with {SWEEP_MIN}–{SWEEP_MAX} seeds, side by side when they finish.</p>
      </div>
      <Segmented
        name="sweep-kind"
        label="Seeds"
        value={kind}
        onChange={setKind}
        options={[
          { value: 'next', label: `Next ${count}` },
          { value: 'random', label: `Random ${count}` },
          { value: 'list', label: 'A list' },
        ]}
      />
      {kind === 'list' ? (
        <label className="block space-y-1.5 text-sm">
          <span className="font-medium">Seeds, separated by commas or spaces</span>
          <input data-testid="sweep-list" className={inputClass} value={list} onChange={(event) => setList(event.target.value)} placeholder="7, 42, 1234" maxLength={400} />
        </label>
      ) : (
        <label className="flex items-center justify-between gap-3 text-sm">
          <span className="whitespace-nowrap font-medium">How many</span>
          <input
            type="number"
            data-testid="sweep-count"
            min={SWEEP_MIN}
            max={SWEEP_MAX}
            className={`${inputClass} !w-24`}
            value={Number.isNaN(count) ? '' : count}
            onChange={(event) => setCount(event.target.valueAsNumber)}
          />
        </label>
      )}
      {kind === 'next' && <p className="text-xs text-muted">Seeds {from}–{from + Math.max(0, (count || 0) - 1)}</p>}
      <label className="block space-y-1.5 text-sm">
        <span className="font-medium">Also vary</span>
        <select data-testid="sweep-axis" className={inputClass} value={axis} onChange={(event) => setAxis(event.target.value as SweepAxis)}>
          {axisOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-baseline justify-between gap-3 border-t border-line pt-3 text-sm" data-testid="sweep-estimate">
        {!request.success ? (
          <span className="text-danger">{request.error.issues[0]?.message ?? 'Fix the settings above first'}</span>
        ) : parsed.success ? (
          <span>
            <strong>{clips} clips</strong> · about {formatUsd(estimate)}
          </span>
        ) : (
          <span className="text-danger">{parsed.error.issues[0]?.message}</span>
        )}
        <span className={`text-xs ${overBudget ? 'text-danger' : 'text-muted'}`}>cap {formatUsd(budgetCents)} per sweep</span>
      </div>
      {overBudget && <p className="text-xs text-danger">Over the team’s cap: use fewer seeds, 5 s or 720p.</p>}
      <Button type="submit" variant="primary" className="w-full" disabled={pending || !parsed.success || !request.success || overBudget} data-testid="sweep-run">
        {pending ? 'Starting…' : `Run ${clips || ''} clips`}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
