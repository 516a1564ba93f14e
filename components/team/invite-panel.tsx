'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import type { InviteInput } from '@/lib/teams/schemas';
import { formatDate } from '../format';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { CopyLink } from './copy-link';
import { useAction } from '../hooks/use-action';

type Invite = { id: string; role: string; expiresAt: number; uses: number; maxUses: number };

/** Owners make invite links (role, expiry, number of uses) and revoke them. */
export function InvitePanel({
  invites,
  create,
  revoke,
}: {
  invites: Invite[];
  create: (input: InviteInput) => Promise<ActionResult<{ path: string }>>;
  revoke: (id: string) => Promise<ActionResult<null>>;
}) {
  const { run, error, pending } = useAction();
  const [role, setRole] = useState<'owner' | 'editor' | 'viewer'>('editor');
  const [days, setDays] = useState('7');
  const [uses, setUses] = useState('1');
  const [link, setLink] = useState<string>();

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          run(() => create({ role, expiresInDays: days, maxUses: uses }), (data) => setLink(`${window.location.origin}${data.path}`));
        }}
      >
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Role</span>
          <select data-testid="invite-role" value={role} onChange={(event) => setRole(event.target.value as typeof role)} className="h-10 rounded-lg border border-line bg-surface px-2 text-sm">
            <option value="editor">Editor</option>
            <option value="viewer">Viewer</option>
            <option value="owner">Owner</option>
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Expires in (days)</span>
          <input type="number" min={1} max={30} data-testid="invite-days" value={days} onChange={(event) => setDays(event.target.value)} className={`${inputClass} !w-24`} />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Uses</span>
          <input type="number" min={1} max={100} data-testid="invite-uses" value={uses} onChange={(event) => setUses(event.target.value)} className={`${inputClass} !w-24`} />
        </label>
        <Button type="submit" variant="primary" disabled={pending} data-testid="invite-create">
          Create invite link
        </Button>
      </form>
      {link && (
        <div className="space-y-1" data-testid="invite-new">
          <p className="text-sm">Send this link; it is shown only now.</p>
          <CopyLink url={link} testId="invite-link" />
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {invites.length > 0 && (
        <ul className="divide-y divide-line rounded-card border border-line bg-surface text-sm" data-testid="invites">
          {invites.map((invite) => (
            <li key={invite.id} className="flex flex-wrap items-center gap-3 px-4 py-2.5">
              <span className="rounded-full bg-raised px-2.5 py-0.5 text-xs">{invite.role}</span>
              <span className="text-muted">
                {invite.uses}/{invite.maxUses} used · expires {formatDate(invite.expiresAt)}
              </span>
              <Button variant="ghost" className="ml-auto h-8 px-3" disabled={pending} onClick={() => run(() => revoke(invite.id))} data-testid="invite-revoke">
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
