'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import type { InstanceInviteInput } from '@/lib/auth/instance-invite-schema';
import { formatDate } from '../format';
import { useAction } from '../hooks/use-action';
import { CopyLink } from '../team/copy-link';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';

export type InstanceInviteRow = { id: string; state: 'active' | 'used up' | 'expired' | 'revoked'; expiresAt: number; uses: number; maxUses: number };

const tones: Record<InstanceInviteRow['state'], string> = {
  active: 'bg-success/15 text-success',
  'used up': 'bg-raised text-muted',
  expired: 'bg-raised text-muted',
  revoked: 'bg-danger/15 text-danger',
};

/** The administrator makes sign-up links (expiry, number of accounts) and revokes them; a link is shown once. */
export function InstanceInvitePanel({
  invites,
  create,
  revoke,
}: {
  invites: InstanceInviteRow[];
  create: (input: InstanceInviteInput) => Promise<ActionResult<{ path: string }>>;
  revoke: (id: string) => Promise<ActionResult<null>>;
}) {
  const { run, error, pending } = useAction();
  const [days, setDays] = useState('7');
  const [uses, setUses] = useState('1');
  const [link, setLink] = useState<string>();

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          run(() => create({ expiresInDays: days, maxUses: uses }), (data) => setLink(`${window.location.origin}${data.path}`));
        }}
      >
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Expires in (days)</span>
          <input type="number" min={1} max={30} data-testid="instance-invite-days" value={days} onChange={(event) => setDays(event.target.value)} className={`${inputClass} !w-24`} />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Accounts</span>
          <input type="number" min={1} max={100} data-testid="instance-invite-uses" value={uses} onChange={(event) => setUses(event.target.value)} className={`${inputClass} !w-24`} />
        </label>
        <Button type="submit" variant="primary" disabled={pending} data-testid="instance-invite-create">
          Create sign-up link
        </Button>
      </form>
      {link && (
        <div className="space-y-1" data-testid="instance-invite-new">
          <p className="text-sm">Send this link; it is shown only now.</p>
          <CopyLink url={link} testId="instance-invite-link" />
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {invites.length > 0 && (
        <ul className="divide-y divide-line rounded-card border border-line bg-surface text-sm" data-testid="instance-invites">
          {invites.map((invite) => (
            <li key={invite.id} className="flex flex-wrap items-center gap-3 px-4 py-2.5" data-testid="instance-invite" data-state={invite.state}>
              <span className={`rounded-full px-2.5 py-0.5 text-xs ${tones[invite.state]}`}>{invite.state}</span>
              <span className="text-muted">
                {invite.uses}/{invite.maxUses} used · {invite.state === 'expired' ? 'expired' : 'expires'} {formatDate(invite.expiresAt)}
              </span>
              {invite.state === 'active' && (
                <Button variant="ghost" className="ml-auto h-8 px-3" disabled={pending} onClick={() => run(() => revoke(invite.id))} data-testid="instance-invite-revoke">
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
