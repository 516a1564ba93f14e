'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/actions';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { useAction } from '../hooks/use-action';

export function NewTeamForm({ create }: { create: (name: string) => Promise<ActionResult<{ teamId: string }>> }) {
  const { run, error, pending } = useAction();
  const [name, setName] = useState('');
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => create(name), () => setName(''));
      }}
    >
      <input aria-label="New team name" data-testid="new-team-name" placeholder="Team name" maxLength={60} value={name} onChange={(event) => setName(event.target.value)} className={`${inputClass} !w-64`} />
      <Button type="submit" disabled={pending || !name.trim()} data-testid="new-team-create">
        Create team
      </Button>
      {error && <p className="w-full text-sm text-danger">{error}</p>}
    </form>
  );
}
