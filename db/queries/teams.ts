import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { memberships, teams, type Role } from '../schema';

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
