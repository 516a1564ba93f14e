import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, preparedFor } from '../index';
import { findSignUpInvite, redeemSignUpInvite, type SignUpInvite } from './instance-invites';
import { hashToken } from './invites';
import { memberships, teams, users, type User } from '../schema';

export async function getUserByEmail({ email }: { email: string }): Promise<User | undefined> {
  return getDb().select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

const byId = preparedFor((db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());

/** Read on every signed-in request (a session whose user is gone counts as signed out). */
export async function getUserById({ id }: { id: string }): Promise<User | undefined> {
  return byId().get({ id });
}

/** A person's theme (`system`, `light` or `dark`), kept for every device they sign in on. */
export async function setUserTheme({ id, theme }: { id: string; theme: User['theme'] }): Promise<void> {
  getDb().update(users).set({ theme }).where(eq(users.id, id)).run();
}

/** Who may create an account (SIGNUP in lib/env.ts). */
export type SignUpPolicy = 'open' | 'invite' | 'closed';
export type SignUpRefusal = 'closed' | 'invite-required';
/** How an account is being asked for: under `invite` it needs a working invite token (unless it is the first). */
export type Admission = { policy: SignUpPolicy; inviteToken?: string; now?: Date };
export type CreatedUser = { user: User; teamId: string; /** The team a team invite made them a member of. */ joinedTeamId?: string };

/** Whether the studio has no account yet: then the next one is let in whatever the policy, and administers it. */
export async function hasNoUsers(): Promise<boolean> {
  return getDb().select({ id: users.id }).from(users).limit(1).get() === undefined;
}

/**
 * A new user always gets a personal team they own, in the same transaction. With `admission`, the sign-up
 * policy is decided in that transaction too: the first account of the instance always passes and becomes
 * its administrator, an invite is checked and its use counted there, so racing sign-ups cannot both be
 * first or share a last use. Without it (tests, scripts) the account is created directly.
 */
type NewUserInput = { email: string; name: string; passwordHash: string };
export async function createUserWithPersonalTeam(input: NewUserInput & { admission: Admission }): Promise<CreatedUser | { conflict: true } | { refused: SignUpRefusal }>;
export async function createUserWithPersonalTeam(input: NewUserInput & { admission?: undefined }): Promise<CreatedUser | { conflict: true }>;
export async function createUserWithPersonalTeam({
  email,
  name,
  passwordHash,
  admission,
}: NewUserInput & { admission?: Admission }): Promise<CreatedUser | { conflict: true } | { refused: SignUpRefusal }> {
  const db = getDb();
  const userId = crypto.randomUUID();
  const teamId = crypto.randomUUID();
  const now = admission?.now ?? new Date();
  return db.transaction(
    (tx) => {
      const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase())).get();
      if (existing) return { conflict: true as const };
      const first = tx.select({ id: users.id }).from(users).limit(1).get() === undefined;
      let invite: { tokenHash: string; offer: SignUpInvite } | undefined;
      if (admission && !first && admission.policy !== 'open') {
        if (admission.policy === 'closed') return { refused: 'closed' as const };
        const tokenHash = admission.inviteToken ? hashToken(admission.inviteToken) : undefined;
        const offer = tokenHash ? findSignUpInvite(tx, tokenHash, now) : undefined;
        if (!tokenHash || !offer) return { refused: 'invite-required' as const };
        invite = { tokenHash, offer };
      }
      const user = tx.insert(users).values({ id: userId, email: email.toLowerCase(), name, passwordHash, isAdmin: first }).returning().get();
      tx.insert(teams).values({ id: teamId, name: `${name}'s studio`, personal: true }).run();
      tx.insert(memberships).values({ teamId, userId, role: 'owner' }).run();
      if (invite) redeemSignUpInvite(tx, { tokenHash: invite.tokenHash, invite: invite.offer, userId, now });
      return { user, teamId, joinedTeamId: invite?.offer.kind === 'team' ? invite.offer.teamId : undefined };
    },
    { behavior: 'immediate' },
  );
}

/** Replaces a password hash (an upgrade to argon2id), only if it is still the one that was verified. */
export async function updatePasswordHash({ id, from, to }: { id: string; from: string; to: string }): Promise<boolean> {
  return getDb().update(users).set({ passwordHash: to }).where(and(eq(users.id, id), eq(users.passwordHash, from))).run().changes === 1;
}

/**
 * Whether an OAuth sign-in may use this email: an OAuth-only account has it, or nobody has and the sign-up
 * policy lets a new account in (OAuth carries no invite: under invite or closed, only the first account).
 */
export async function oauthMayUseEmail({ email, policy }: { email: string; policy: SignUpPolicy }): Promise<boolean> {
  const existing = await getUserByEmail({ email });
  if (existing) return existing.passwordHash === '';
  return policy === 'open' || (await hasNoUsers());
}

/**
 * The user an OAuth sign-in maps to: an OAuth-only account with that (provider-verified) email, or a new one
 * with a personal team and no password, when the sign-up policy allows it. Never a password account:
 * sign-up does not verify emails, so anyone could have registered that address first and would keep a
 * password into the real owner's account.
 */
export async function findOrCreateOAuthUser({ email, name, policy }: { email: string; name: string; policy: SignUpPolicy }): Promise<User | undefined> {
  const existing = await getUserByEmail({ email });
  if (existing) return existing.passwordHash === '' ? existing : undefined;
  // passwordHash '' marks an OAuth-only account: credentials sign-in refuses it explicitly.
  const created = await createUserWithPersonalTeam({ email, name, passwordHash: '', admission: { policy } });
  if ('user' in created) return created.user;
  if ('refused' in created) return undefined;
  const raced = await getUserByEmail({ email }); // created by a concurrent sign-in since our first look
  return raced?.passwordHash === '' ? raced : undefined;
}
