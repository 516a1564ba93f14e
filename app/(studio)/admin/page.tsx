import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { instanceInviteState, listInstanceInvites } from '@/db/queries/instance-invites';
import { AdminSection } from '@/components/admin/admin-section';
import { InstanceInvitePanel } from '@/components/admin/instance-invite-panel';
import { getAdminUser } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { createInstanceInviteAction, revokeInstanceInviteAction } from './actions';

export const metadata: Metadata = { title: 'Administration' };

const policyHint = {
  open: 'Sign-up is open on this studio (SIGNUP=open): anyone can create an account, so these links are not needed.',
  invite: 'Sign-up is by invitation (SIGNUP=invite): an account can only be created from one of these links or from a team’s invite link.',
  closed: 'Sign-up is closed (SIGNUP=closed): nobody can create an account, not even with one of these links.',
} as const;

/** The instance administrator's page; for anyone else it does not exist. */
export default async function AdminPage() {
  const admin = await getAdminUser();
  if (!admin) notFound();
  const now = new Date();
  const invites = await listInstanceInvites();

  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight" data-testid="admin-title">
          Administration
        </h1>
        <p className="text-sm text-muted">What applies to the whole studio, across every team.</p>
      </header>

      {/* ── Today's spend: the lead adds its section here, e.g. <TodaySpendSection /> wrapped in <AdminSection>. ── */}

      <AdminSection title="Sign-up links" hint={policyHint[getEnv().signup]} testId="admin-instance-invites">
        <InstanceInvitePanel
          invites={invites.map((invite) => ({
            id: invite.id,
            state: instanceInviteState(invite, now),
            expiresAt: invite.expiresAt.getTime(),
            uses: invite.uses,
            maxUses: invite.maxUses,
          }))}
          create={createInstanceInviteAction}
          revoke={revokeInstanceInviteAction}
        />
      </AdminSection>
    </div>
  );
}
