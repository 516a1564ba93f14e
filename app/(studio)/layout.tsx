import type { ReactNode } from 'react';
import { AccountMenu } from '@/components/account-menu';
import { AppHeader } from '@/components/app-header';
import { TeamSwitcher } from '@/components/team-switcher';
import { requireStudioContext } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { setThemeAction } from './account/actions';
import { switchTeam } from './team/actions';

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const { user, team, teams } = await requireStudioContext();
  return (
    <>
      <AppHeader
        usingEmulator={getEnv().wan.usingEmulator}
        isAdmin={user.isAdmin === true}
        teamSwitcher={<TeamSwitcher teams={teams} current={team.teamId} switchTeam={switchTeam} />}
        account={<AccountMenu userName={user.name} teamName={team.teamName} theme={user.theme ?? 'system'} setTheme={setThemeAction} />}
      />
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </>
  );
}
