import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { memberships, teams, users, type Role } from '../schema';

export type TeamMembership = { teamId: string; teamName: string; personal: boolean; role: Role };

export async function listMembershipsForUser({ userId }: { userId: string }): Promise<TeamMembership[]> {
  return getDb()
    .select({ teamId: teams.id, teamName: teams.name, personal: teams.personal, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .all();
}

export async function getMembership({ teamId, userId }: { teamId: string; userId: string }): Promise<TeamMembership | undefined> {
  return getDb()
    .select({ teamId: teams.id, teamName: teams.name, personal: teams.personal, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
    .get();
}

export type TeamMember = { userId: string; name: string; email: string; role: Role };

export async function listTeamMembers({ teamId }: { teamId: string }): Promise<TeamMember[]> {
  return getDb()
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId))
    .orderBy(asc(users.name))
    .all();
}

export async function getTeamSettings({ teamId }: { teamId: string }) {
  return getDb().select({ sweepBudgetCents: teams.sweepBudgetCents }).from(teams).where(eq(teams.id, teamId)).get();
}
