import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { instanceInviteState, listInstanceInvites } from '@/db/queries/instance-invites';
import { getSpendToday, utcDayStart } from '@/db/queries/spend';
import { Section } from '@/components/ui/section';
import { SpendToday } from '@/components/spend-today';
import { formatWait } from '@/lib/start/refusal-message';
import { InviteLinkPanel } from '@/components/invite-link-panel';
import { getAdminUser } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { createInstanceInviteAction, revokeInstanceInviteAction } from './actions';

export const metadata: Metadata = { title: 'Administration' };

const policyHint = {
  open: 'Sign-up is open on this studio (SIGNUP=open): anyone can create an account, so these links are not needed.',
  invite: 'Sign-up is by invitation (SIGNUP=invite): an account can only be created from one of these links or from a team’s invite link.',
  closed: 'Sign-up is closed (SIGNUP=closed): nobody can create an account, not even with one of these links.',
} as const;

const stateClass = {
  active: 'bg-success/15 text-success',
  'used up': 'bg-raised text-muted',
  expired: 'bg-raised text-muted',
  revoked: 'bg-danger/15 text-danger',
} as const;

/** The instance administrator's page; for anyone else it does not exist. */
export default async function AdminPage() {
  const admin = await getAdminUser();
  if (!admin) notFound();
  const now = new Date();
  const [invites, spend] = await Promise.all([listInstanceInvites(), getSpendToday({ now })]);
  const { budgets } = getEnv();
  const nextUtcMidnight = utcDayStart(now).getTime() + 24 * 60 * 60_000;

  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight" data-testid="admin-title">
          Administration
        </h1>
        <p className="text-sm text-muted">What applies to the whole studio, across every team.</p>
      </header>

      <Section title="Today’s spend" hint="Every clip started today on this studio’s key, against the daily budget." testId="admin-spend">
        <SpendToday spend={spend} studioBudgetCents={budgets.studioDailyCents} personBudgetCents={budgets.personDailyCents} resetsIn={formatWait(nextUtcMidnight - now.getTime())} />
      </Section>

      <Section title="Sign-up links" hint={policyHint[getEnv().signup]} testId="admin-instance-invites">
        <InviteLinkPanel
          kind="instance"
          invites={invites.map((invite) => {
            const state = instanceInviteState(invite, now);
            return { id: invite.id, tag: state, tagClass: stateClass[state], expiresAt: invite.expiresAt.getTime(), uses: invite.uses, maxUses: invite.maxUses, expired: state === 'expired', revocable: state === 'active' };
          })}
          create={createInstanceInviteAction}
          revoke={revokeInstanceInviteAction}
        />
      </Section>
    </div>
  );
}
