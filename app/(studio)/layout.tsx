import type { ReactNode } from 'react';
import { AccountMenu } from '@/components/account-menu';
import { ActivityDock } from '@/components/activity-dock-lazy';
import { AppHeader } from '@/components/app-header';
import { BalanceBadge } from '@/components/balance-badge';
import { CreditPausedBanner } from '@/components/credit-paused-banner';
import { ShortcutsDialog } from '@/components/shortcuts-dialog';
import { TeamSwitcher } from '@/components/team-switcher';
import { can, reachOf } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { Providers } from '../providers';
import { setThemeAction } from './account/actions';
import { manageQueue } from './actions';
import { switchTeam } from './team/actions';

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const { user, team, teams, member } = await requireStudioContext();
  // The query cache and the tab's one long poll are the signed-in studio's: sign-in and share pages go without them.
  return (
    <Providers>
      <AppHeader
        usingEmulator={getEnv().wan.usingEmulator}
        isAdmin={user.isAdmin === true}
        teamSwitcher={<TeamSwitcher teams={teams} current={team.teamId} switchTeam={switchTeam} />}
        balance={can(member, 'generation:create') && <BalanceBadge />}
        account={<AccountMenu userName={user.name} teamName={team.teamName} theme={user.theme ?? 'system'} setTheme={setThemeAction} />}
      />
      <div className="lg:flex">
        <main className="mx-auto min-w-0 max-w-7xl flex-1 px-4 py-8 sm:px-6">
          {can(member, 'generation:create') && <CreditPausedBanner />}
          {children}
        </main>
        <ActivityDock userId={user.id} teamId={team.teamId} manage={manageQueue} manageReach={reachOf(member, 'generation:manage')} />
      </div>
      <ShortcutsDialog />
    </Providers>
  );
}
