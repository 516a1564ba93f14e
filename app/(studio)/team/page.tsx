import type { Metadata } from 'next';
import { listActiveInvites } from '@/db/queries/invites';
import { getTeamStorageUsage } from '@/db/queries/storage';
import { getTeam, listTeamMembers } from '@/db/queries/teams';
import { InviteLinkPanel } from '@/components/invite-link-panel';
import { LeaveTeamButton, TeamMembers } from '@/components/team/team-members';
import { NewTeamForm } from '@/components/team/new-team-form';
import { TeamSettingsForm } from '@/components/team/team-settings-form';
import { Section } from '@/components/ui/section';
import { UsageMeter } from '@/components/ui/usage-meter';
import { instanceLimits } from '@/lib/start/limits';
import { can } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { formatBytes } from '@/lib/storage/disk-space';
import { changeMemberRole, createInviteAction, createTeamAction, leaveTeam, removeMember, revokeInviteAction, updateTeamSettings } from './actions';

export const metadata: Metadata = { title: 'Team' };

const roleWithArticle = { owner: 'an owner', editor: 'an editor', viewer: 'a viewer' } as const;

export default async function TeamPage() {
  const { team, user, member, teams } = await requireStudioContext();
  const manage = can(member, 'team:manage');
  const [members, invites, settings, storage] = await Promise.all([
    listTeamMembers({ teamId: team.teamId }),
    manage ? listActiveInvites({ teamId: team.teamId, now: new Date() }) : [],
    getTeam({ teamId: team.teamId }),
    getTeamStorageUsage({ teamId: team.teamId }),
  ]);
  const quotaBytes = getEnv().disk.teamQuotaBytes;

  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight" data-testid="team-title">
          {team.teamName}
        </h1>
        <p className="text-sm text-muted">
          You are {roleWithArticle[team.role]} here. Everyone in the team shares one gallery and one API key.
        </p>
      </header>
      <Section title="Members" hint="Owners manage members and settings; editors generate and curate; viewers watch and favourite.">
        <TeamMembers members={members} me={user.id} manage={manage} changeRole={changeMemberRole} remove={removeMember} />
      </Section>
      {manage && (
        <Section title="Invite people" hint="Anyone with the link joins with its role after signing in, until it expires or is used up.">
          <InviteLinkPanel
            kind="team"
            invites={invites.map((invite) => ({ id: invite.id, tag: invite.role, expiresAt: invite.expiresAt.getTime(), uses: invite.uses, maxUses: invite.maxUses, revocable: true }))}
            create={createInviteAction}
            revoke={revokeInviteAction}
          />
        </Section>
      )}
      {manage && settings && (
        <Section title="Settings">
          <TeamSettingsForm
            key={team.teamId}
            teamId={team.teamId}
            initial={{
              name: settings.name,
              sweepBudgetUsd: settings.sweepBudgetCents === null ? '' : String(settings.sweepBudgetCents / 100),
              hourlyQuota: settings.hourlyQuota === null ? '' : String(settings.hourlyQuota),
              dailyBudgetUsd: settings.dailyBudgetCents === null ? '' : String(settings.dailyBudgetCents / 100),
            }}
            instance={instanceLimits()}
            save={updateTeamSettings}
          />
        </Section>
      )}
      <Section title="Storage" hint="Archived videos (the trash too, until it is emptied) and start frames count against the team's share of the studio's disk.">
        <UsageMeter label="Storage" used={formatBytes(storage.totalBytes)} limit={formatBytes(quotaBytes)} fraction={storage.totalBytes / quotaBytes} testId="storage-usage" />
      </Section>
      <Section title="Another team" hint="Start a separate workspace with its own gallery; you will be its owner.">
        <NewTeamForm create={createTeamAction} />
      </Section>
      {teams.length > 1 && (
        <Section title="Leave">
          <LeaveTeamButton leave={leaveTeam} />
        </Section>
      )}
    </div>
  );
}
