import { can, type Action } from '@/lib/auth/authz';
import type { StudioContext } from '@/lib/auth/session';

/**
 * The session is the boundary a test controls: who is signed in, in which team, with which role. A test file
 * replaces the session module with this one (`vi.mock('@/lib/auth/session', () => import('@/test/session'))`)
 * and sets `session.context`; authorization itself is the real `can()`.
 */
export const session: { context: StudioContext | null } = { context: null };

export async function authorize(action: Action): Promise<{ ok: true; context: StudioContext } | { ok: false; status: 401 | 403 }> {
  if (!session.context) return { ok: false, status: 401 };
  return can(session.context.member, action) ? { ok: true, context: session.context } : { ok: false, status: 403 };
}

/** Signs `who` in to their team with `role` (owner by default): the usual `session.context` of a test. */
export function signInAs(who: { userId: string; teamId: string }, { role = 'owner', email = 'member@example.test' }: { role?: StudioContext['member']['role']; email?: string } = {}): void {
  session.context = {
    user: { id: who.userId, name: 'T', email, isAdmin: false },
    team: { teamId: who.teamId, teamName: 'T', personal: role === 'owner', role },
    member: { role, userId: who.userId },
    teams: [],
  };
}
