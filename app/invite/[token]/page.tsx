import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { previewInvite } from '@/db/queries/invites';
import { AuthCard } from '@/components/auth-card';
import { AcceptInvite } from '@/components/team/accept-invite';
import { getSessionUser } from '@/lib/auth/session';
import { acceptInviteAction } from '../../(studio)/team/actions';

export const metadata: Metadata = { title: 'Invitation', robots: { index: false } };

/** An invite link: sign in first, then join with one click. Any invalid link looks the same. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
  const invite = token.length <= 100 ? await previewInvite({ token, now: new Date() }) : undefined;
  return (
    <AuthCard title={invite ? `Join ${invite.teamName}` : 'This invite does not work'} subtitle="Wan Studio">
      {invite ? (
        <AcceptInvite token={token} role={invite.role} accept={acceptInviteAction} />
      ) : (
        <p className="text-sm text-muted" data-testid="invite-invalid">
          The link has expired, has been used up or was revoked. Ask the person who sent it for a new one.
        </p>
      )}
    </AuthCard>
  );
}
