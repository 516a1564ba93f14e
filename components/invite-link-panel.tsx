'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/actions';
import type { InstanceInviteInput, InviteInput } from '@/lib/teams/schemas';
import { LocalTime } from './local-time';
import { useAction } from './hooks/use-action';
import { CopyLink } from './team/copy-link';
import { Button } from './ui/button';
import { inputClass } from './ui/field';

type Role = InviteInput['role'];

/** One link in the list: its role or state as a tag, how much of it is used, and whether it can still be revoked. */
export type InviteLinkRow = { id: string; tag: string; tagClass?: string; uses: number; maxUses: number; expiresAt: number; expired?: boolean; revocable: boolean };

type Kind =
  /** A team's invite links: each gives a role in the team. */
  | { kind: 'team'; create: (input: InviteInput) => Promise<ActionResult<{ path: string }>> }
  /** The administrator's sign-up links: each lets a number of accounts be created. */
  | { kind: 'instance'; create: (input: InstanceInviteInput) => Promise<ActionResult<{ path: string }>> };

const words = {
  team: { uses: 'Uses', button: 'Create invite link', testId: 'invite' },
  instance: { uses: 'Accounts', button: 'Create sign-up link', testId: 'instance-invite' },
} as const;

/** Makes links (expiry, number of uses, and a role for team invites) and revokes them; a new link is shown once. */
export function InviteLinkPanel({ invites, revoke, ...kind }: Kind & { invites: InviteLinkRow[]; revoke: (id: string) => Promise<ActionResult<null>> }) {
  const { run, error, pending } = useAction();
  const [role, setRole] = useState<Role>('editor');
  const [days, setDays] = useState('7');
  const [uses, setUses] = useState('1');
  const [link, setLink] = useState<string>();
  const { uses: usesLabel, button, testId } = words[kind.kind];
  const created = (data: { path: string }) => setLink(`${window.location.origin}${data.path}`);

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const limits = { expiresInDays: days, maxUses: uses };
          if (kind.kind === 'team') run(() => kind.create({ ...limits, role }), created);
          else run(() => kind.create(limits), created);
        }}
      >
        {kind.kind === 'team' && (
          <label className="space-y-1 text-sm">
            <span className="block font-medium">Role</span>
            <select data-testid="invite-role" value={role} onChange={(event) => setRole(event.target.value as Role)} className="h-10 rounded-lg border border-line bg-surface px-2 text-sm">
              <option value="editor">Editor</option>
              <option value="viewer">Viewer</option>
              <option value="owner">Owner</option>
            </select>
          </label>
        )}
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Expires in (days)</span>
          <input type="number" min={1} max={30} data-testid={`${testId}-days`} value={days} onChange={(event) => setDays(event.target.value)} className={`${inputClass} !w-24`} />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{usesLabel}</span>
          <input type="number" min={1} max={100} data-testid={`${testId}-uses`} value={uses} onChange={(event) => setUses(event.target.value)} className={`${inputClass} !w-24`} />
        </label>
        <Button type="submit" variant="primary" disabled={pending} data-testid={`${testId}-create`}>
          {button}
        </Button>
      </form>
      {link && (
        <div className="space-y-1" data-testid={`${testId}-new`}>
          <p className="text-sm">Send this link; it is shown only now.</p>
          <CopyLink url={link} testId={`${testId}-link`} label="Invite link" />
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {invites.length > 0 && (
        <ul className="divide-y divide-line rounded-card border border-line bg-surface text-sm" data-testid={`${testId}s`}>
          {invites.map((invite) => (
            <li key={invite.id} className="flex flex-wrap items-center gap-3 px-4 py-2.5" data-testid={testId} data-state={invite.tag}>
              <span className={`rounded-full px-2.5 py-0.5 text-xs ${invite.tagClass ?? 'bg-raised'}`}>{invite.tag}</span>
              <span className="text-muted">
                {invite.uses}/{invite.maxUses} used · {invite.expired ? 'expired' : 'expires'} <LocalTime ms={invite.expiresAt} />
              </span>
              {invite.revocable && (
                <Button variant="ghost" className="ml-auto h-8 px-3" disabled={pending} onClick={() => run(() => revoke(invite.id))} data-testid={`${testId}-revoke`}>
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
