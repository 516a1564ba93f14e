import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { ShortcutsDialog } from '@/components/shortcuts-dialog';
import { TeamSwitcher } from '@/components/team-switcher';
import { requireStudioContext } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { switchTeam } from './team/actions';

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const { user, team, teams } = await requireStudioContext();
  return (
    <>
      <AppHeader
        userName={user.name}
        teamName={team.teamName}
        usingEmulator={getEnv().wan.usingEmulator}
        isAdmin={user.isAdmin === true}
        teamSwitcher={<TeamSwitcher teams={teams} current={team.teamId} switchTeam={switchTeam} />}
      />
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
      <ShortcutsDialog />
    </>
  );
}
