'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';

/** The team everything on screen belongs to; switching reloads every page for the chosen team. */
export function TeamSwitcher({
  teams,
  current,
  switchTeam,
}: {
  teams: { teamId: string; teamName: string }[];
  current: string;
  switchTeam: (teamId: string) => Promise<ActionResult<null>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (teams.length < 2) return null;
  return (
    <select
      aria-label="Team"
      data-testid="team-switcher"
      disabled={pending}
      value={current}
      onChange={(event) => {
        const teamId = event.target.value;
        startTransition(async () => {
          const result = await switchTeam(teamId);
          if (result.ok) router.push('/gallery');
          router.refresh();
        });
      }}
      className="h-8 min-w-0 max-w-40 truncate rounded-md border border-line bg-surface px-2 text-sm"
    >
      {teams.map((team) => (
        <option key={team.teamId} value={team.teamId}>
          {team.teamName}
        </option>
      ))}
    </select>
  );
}
