'use client';

import type { ActionResult } from '@/lib/actions';
import { Button } from '../ui/button';
import { useAction } from '../hooks/use-action';

type Member = { userId: string; name: string; email: string; role: 'owner' | 'editor' | 'viewer' };

const roleHelp = { owner: 'members, settings, everything', editor: 'generate, curate, own clips', viewer: 'watch and favourite' } as const;

/** Who is in the team and what they may do; owners change roles and remove people. */
export function TeamMembers({
  members,
  me,
  manage,
  changeRole,
  remove,
}: {
  members: Member[];
  me: string;
  manage: boolean;
  changeRole: (userId: string, role: string) => Promise<ActionResult<null>>;
  remove: (userId: string) => Promise<ActionResult<null>>;
}) {
  const { run, error, pending } = useAction();
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-line rounded-card border border-line bg-surface" data-testid="members">
        {members.map((member) => (
          <li key={member.userId} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="member" data-email={member.email}>
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium">
                {member.name} {member.userId === me && <span className="text-muted">(you)</span>}
              </p>
              <p className="truncate text-xs text-muted">{member.email}</p>
            </div>
            {manage ? (
              <select
                aria-label={`Role of ${member.name}`}
                data-testid="member-role"
                disabled={pending}
                value={member.role}
                onChange={(event) => run(() => changeRole(member.userId, event.target.value))}
                className="h-9 rounded-lg border border-line bg-surface px-2 text-sm"
              >
                {(['owner', 'editor', 'viewer'] as const).map((role) => (
                  <option key={role} value={role}>
                    {role} — {roleHelp[role]}
                  </option>
                ))}
              </select>
            ) : (
              <span className="rounded-full bg-raised px-2.5 py-0.5 text-xs text-muted" data-testid="member-role-label">
                {member.role}
              </span>
            )}
            {manage && member.userId !== me && (
              <Button variant="ghost" className="h-9 px-3 text-danger hover:text-danger" disabled={pending} onClick={() => run(() => remove(member.userId))}>
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** Leaves the team the person is working in. */
export function LeaveTeamButton({ leave }: { leave: () => Promise<ActionResult<null>> }) {
  const { run, error, pending } = useAction();
  return (
    <div className="space-y-1">
      <Button variant="ghost" className="text-danger hover:text-danger" disabled={pending} onClick={() => run(leave)} data-testid="leave-team">
        Leave this team
      </Button>
      {error && <p className="text-sm text-danger">{error}</p>}
    </div>
  );
}
