import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb, preparedFor } from '../index';
import { memberships, teams, users, type Role } from '../schema';

export type TeamMembership = { teamId: string; teamName: string; personal: boolean; role: Role };

const forUser = preparedFor((db) =>
  db
    .select({ teamId: teams.id, teamName: teams.name, personal: teams.personal, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.userId, sql.placeholder('userId')))
    .orderBy(asc(memberships.createdAt))
    .prepare(),
);

/** Every team of a person, oldest membership first; read on every request (it decides the current team). */
export async function listMembershipsForUser({ userId }: { userId: string }): Promise<TeamMembership[]> {
  return forUser().all({ userId });
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

export async function createTeam({ name, ownerId }: { name: string; ownerId: string }): Promise<string> {
  const id = crypto.randomUUID();
  getDb().transaction((tx) => {
    tx.insert(teams).values({ id, name }).run();
    tx.insert(memberships).values({ teamId: id, userId: ownerId, role: 'owner' }).run();
  });
  return id;
}

export async function updateTeam({ teamId, values }: { teamId: string; values: { name?: string; sweepBudgetCents?: number | null; hourlyQuota?: number | null; dailyBudgetCents?: number | null } }): Promise<void> {
  getDb().update(teams).set(values).where(eq(teams.id, teamId)).run();
}

export async function getTeam({ teamId }: { teamId: string }) {
  return getDb().select().from(teams).where(eq(teams.id, teamId)).get();
}

type MemberChange = { ok: true } | { ok: false; reason: 'not-member' | 'last-owner' };

/**
 * Changes a member's role, or removes them (role null). A team always keeps an owner: the last one
 * can neither leave nor step down. Checked inside the transaction, so two owners cannot both leave.
 */
export async function changeMembership({ teamId, userId, role }: { teamId: string; userId: string; role: Role | null }): Promise<MemberChange> {
  return getDb().transaction((tx) => {
    const current = tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId))).get();
    if (!current) return { ok: false, reason: 'not-member' } as const;
    if (current.role === 'owner' && role !== 'owner') {
      const owners = tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.role, 'owner'))).all();
      if (owners.length <= 1) return { ok: false, reason: 'last-owner' } as const;
    }
    if (role === null) tx.delete(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId))).run();
    else tx.update(memberships).set({ role }).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId))).run();
    return { ok: true } as const;
  });
}
