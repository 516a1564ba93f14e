import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { preparedFor } from '../prepared';
import { memberships, teams, users, type User } from '../schema';

export async function getUserByEmail({ email }: { email: string }): Promise<User | undefined> {
  return getDb().select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

const byId = preparedFor((db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());

/** Read on every signed-in request (a session whose user is gone counts as signed out). */
export async function getUserById({ id }: { id: string }): Promise<User | undefined> {
  return byId().get({ id });
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

/** Whether an OAuth sign-in may use this email: nobody has it yet, or it is an OAuth-only account. */
export async function oauthMayUseEmail({ email }: { email: string }): Promise<boolean> {
  const existing = await getUserByEmail({ email });
  return existing === undefined || existing.passwordHash === '';
}

/**
 * The user an OAuth sign-in maps to: an OAuth-only account with that (provider-verified) email, or a new one
 * with a personal team and no password. Never a password account: sign-up does not verify emails, so anyone
 * could have registered that address first and would keep a password into the real owner's account.
 */
export async function findOrCreateOAuthUser({ email, name }: { email: string; name: string }): Promise<User | undefined> {
  const existing = await getUserByEmail({ email });
  if (existing) return existing.passwordHash === '' ? existing : undefined;
  // passwordHash '' marks an OAuth-only account: credentials sign-in refuses it explicitly.
  const created = await createUserWithPersonalTeam({ email, name, passwordHash: '' });
  if (!('conflict' in created)) return created.user;
  const raced = await getUserByEmail({ email }); // created by a concurrent sign-in since our first look
  return raced?.passwordHash === '' ? raced : undefined;
}
