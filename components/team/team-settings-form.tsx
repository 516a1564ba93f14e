'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/actions';
import { formatUsd } from '@/lib/generation/request-fields';
import type { InstanceLimits, TeamSettingsInput } from '@/lib/teams/schemas';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { useAction } from '../hooks/use-action';

/**
 * Name, the cap per seed sweep, the hourly limit per member and a daily budget: empty = the studio's value,
 * which is also the most. Mount it keyed by `teamId`: its state is one team's. It says which team it edits
 * (the server refuses another), and sends the name only when it was changed here.
 */
export function TeamSettingsForm({
  teamId,
  initial,
  instance,
  save,
}: {
  teamId: string;
  initial: { name: string; sweepBudgetUsd: string; hourlyQuota: string; dailyBudgetUsd: string };
  instance: InstanceLimits;
  save: (input: TeamSettingsInput, teamId: string) => Promise<ActionResult<null>>;
}) {
  const { run, error, pending } = useAction();
  const [values, setValues] = useState(initial);
  const [savedName, setSavedName] = useState(initial.name);
  const [saved, setSaved] = useState(false);
  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      setSaved(false);
      setValues({ ...values, [name]: event.target.value });
    },
  });
  return (
    <form
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        const name = values.name.trim() === savedName ? undefined : values.name;
        run(() => save({ ...values, name }, teamId), () => {
          setSavedName(values.name.trim());
          setSaved(true);
        });
      }}
    >
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Team name</span>
        <input data-testid="team-name" maxLength={60} className={inputClass} {...field('name')} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Cap per sweep (USD)</span>
        <input inputMode="decimal" data-testid="team-sweep-cap" placeholder={`studio: ${formatUsd(instance.sweepBudgetCents)}`} className={inputClass} {...field('sweepBudgetUsd')} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Clips per member per hour</span>
        <input inputMode="numeric" data-testid="team-quota" placeholder={`studio: ${instance.hourlyQuota}`} className={inputClass} {...field('hourlyQuota')} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Team spend per day (USD)</span>
        <input inputMode="decimal" data-testid="team-daily-budget" placeholder={`studio: ${formatUsd(instance.dailyBudgetCents)}`} className={inputClass} {...field('dailyBudgetUsd')} />
      </label>
      <p className="text-xs text-muted sm:col-span-2 lg:col-span-4">
        Leave a field empty for this studio’s value. A team can set lower limits, never higher: at most {formatUsd(instance.sweepBudgetCents)} per sweep, {instance.hourlyQuota} clips per person per hour,{' '}
        {formatUsd(instance.dailyBudgetCents)} per day.
      </p>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary" disabled={pending}>
          Save settings
        </Button>
        {saved && <span className="text-sm text-success">Saved</span>}
        {error && (
          <span role="alert" className="text-sm text-danger">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}
