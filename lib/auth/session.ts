import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getMembership, listMembershipsForUser, type TeamMembership } from '@/db/queries/teams';
import { getUserById } from '@/db/queries/users';
import type { Role } from '@/db/schema';
import type { Theme } from '@/lib/theme';
import { can, type Action, type Member } from './authz';
import { getAuthOptions } from './options';

/** `isAdmin` is always filled in by getSessionUser; optional so hand-made test sessions may leave it out (not admin). */
export type SessionUser = { id: string; name: string; email: string; isAdmin?: boolean; theme?: Theme };
export type StudioContext = { user: SessionUser; team: TeamMembership; member: Member; teams: TeamMembership[] };

/** Which of their teams a person is working in; a preference only: membership is checked on every request. */
export const CURRENT_TEAM_COOKIE = 'studio-team';

/** Read once per request; a session whose user no longer exists counts as signed out. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUserById({ id });
  return user ? { id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, theme: user.theme } : null;
});

/** The signed-in administrator of the instance; null for everyone else, signed out included. */
export async function getAdminUser(): Promise<SessionUser | null> {
  const user = await getSessionUser();
  return user?.isAdmin === true ? user : null;
}

/** The signed-in user and the team they are working in; null when signed out or without a team. */
export const getStudioContext = cache(async (): Promise<StudioContext | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  const teams = await listMembershipsForUser({ userId: user.id });
  const wanted = (await cookies()).get(CURRENT_TEAM_COOKIE)?.value;
  const team = teams.find((membership) => membership.teamId === wanted) ?? teams[0];
  return team ? { user, team, teams, member: { role: team.role, userId: user.id } } : null;
});

/** For pages: redirect to sign-in when there is no usable session. */
export async function requireStudioContext(): Promise<StudioContext> {
  const context = await getStudioContext();
  if (!context) redirect('/sign-in');
  return context;
}

/** For actions and routes: the context, only when the user may do `action` in their team. */
export async function authorize(action: Action): Promise<
  { ok: true; context: StudioContext } | { ok: false; status: 401 | 403 }
> {
  const context = await getStudioContext();
  if (!context) return { ok: false, status: 401 };
  return can(context.member, action) ? { ok: true, context } : { ok: false, status: 403 };
}

export async function roleIn({ teamId, userId }: { teamId: string; userId: string }): Promise<Role | undefined> {
  return (await getMembership({ teamId, userId }))?.role;
}
