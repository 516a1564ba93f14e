import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../index';
import { memberships, teams, users, type User } from '../schema';

export async function getUserByEmail({ email }: { email: string }): Promise<User | undefined> {
  return getDb().select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export async function getUserById({ id }: { id: string }): Promise<User | undefined> {
  return getDb().select().from(users).where(eq(users.id, id)).get();
}

/** A new user always gets a personal team they own, in the same transaction. */
export async function createUserWithPersonalTeam({
  email,
  name,
  passwordHash,
}: {
  email: string;
  name: string;
  passwordHash: string;
}): Promise<{ user: User; teamId: string } | { conflict: true }> {
  const db = getDb();
  const userId = crypto.randomUUID();
  const teamId = crypto.randomUUID();
  return db.transaction((tx) => {
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase())).get();
    if (existing) return { conflict: true as const };
    const user = tx.insert(users).values({ id: userId, email: email.toLowerCase(), name, passwordHash }).returning().get();
    tx.insert(teams).values({ id: teamId, name: `${name}'s studio`, personal: true }).run();
    tx.insert(memberships).values({ teamId, userId, role: 'owner' }).run();
    return { user, teamId };
  });
}
