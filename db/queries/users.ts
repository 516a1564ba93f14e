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

/** The user an OAuth sign-in maps to: found by (provider-verified) email, or created with a personal team and no password. */
export async function findOrCreateOAuthUser({ email, name }: { email: string; name: string }): Promise<User> {
  const existing = await getUserByEmail({ email });
  if (existing) return existing;
  // passwordHash '' marks an OAuth-only account: credentials sign-in refuses it explicitly.
  const created = await createUserWithPersonalTeam({ email, name, passwordHash: '' });
  if (!('conflict' in created)) return created.user;
  const raced = await getUserByEmail({ email }); // created by a concurrent sign-in since our first look
  if (!raced) throw new Error('OAuth user vanished after a conflicting insert');
  return raced;
}
