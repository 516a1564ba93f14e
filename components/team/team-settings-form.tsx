'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import type { TeamSettingsInput } from '@/lib/teams/schemas';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { useAction } from '../hooks/use-action';

/** Name, the cap per seed sweep and the hourly limit per member (empty = the studio's default). */
export function TeamSettingsForm({
  initial,
  defaults,
  save,
}: {
  initial: { name: string; sweepBudgetUsd: string; hourlyQuota: string };
  defaults: { sweepBudgetUsd: string; hourlyQuota: number };
  save: (input: TeamSettingsInput) => Promise<ActionResult<null>>;
}) {
  const { run, error, pending } = useAction();
  const [values, setValues] = useState(initial);
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
      className="grid gap-4 sm:grid-cols-3"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => save(values), () => setSaved(true));
      }}
    >
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Team name</span>
        <input data-testid="team-name" maxLength={60} className={inputClass} {...field('name')} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Cap per sweep (USD)</span>
        <input inputMode="decimal" placeholder={`default ${defaults.sweepBudgetUsd}`} className={inputClass} {...field('sweepBudgetUsd')} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Clips per member per hour</span>
        <input inputMode="numeric" data-testid="team-quota" placeholder={`default ${defaults.hourlyQuota}`} className={inputClass} {...field('hourlyQuota')} />
      </label>
      <div className="flex items-center gap-3 sm:col-span-3">
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
