import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { instanceInvites, invites, memberships, teams, type InstanceInvite, type Role } from '../schema';
import { hashToken } from './invites';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type InstanceInviteState = 'active' | 'used up' | 'expired' | 'revoked';

export function instanceInviteState(invite: Pick<InstanceInvite, 'revokedAt' | 'expiresAt' | 'uses' | 'maxUses'>, now: Date): InstanceInviteState {
  if (invite.revokedAt) return 'revoked';
  if (invite.uses >= invite.maxUses) return 'used up';
  return invite.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

/** An invite to create an account on this studio; only the token's hash is kept. */
export async function createInstanceInvite({ expiresAt, maxUses, createdBy }: { expiresAt: Date; maxUses: number; createdBy: string }): Promise<{ invite: InstanceInvite; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const invite = getDb().insert(instanceInvites).values({ id: crypto.randomUUID(), tokenHash: hashToken(token), expiresAt, maxUses, createdBy }).returning().get();
  return { invite, token };
}

/** The most recent invites, whatever their state, newest first. */
export async function listInstanceInvites({ limit = 50 }: { limit?: number } = {}): Promise<InstanceInvite[]> {
  return getDb().select().from(instanceInvites).orderBy(desc(instanceInvites.createdAt)).limit(limit).all();
}

export async function revokeInstanceInvite({ id, now }: { id: string; now: Date }): Promise<boolean> {
  return getDb().update(instanceInvites).set({ revokedAt: now }).where(and(eq(instanceInvites.id, id), isNull(instanceInvites.revokedAt))).run().changes === 1;
}

const works = (tokenHash: string, now: Date) =>
  and(eq(instanceInvites.tokenHash, tokenHash), isNull(instanceInvites.revokedAt), gt(instanceInvites.expiresAt, now), lt(instanceInvites.uses, instanceInvites.maxUses));

const teamInviteWorks = (tokenHash: string, now: Date) =>
  and(eq(invites.tokenHash, tokenHash), isNull(invites.revokedAt), gt(invites.expiresAt, now), lt(invites.uses, invites.maxUses));

export type SignUpInvite = { kind: 'instance' } | { kind: 'team'; teamId: string; teamName: string; role: Role };

/** What a token lets its holder do at sign-up, only while it still works (nothing otherwise: no oracle). */
export async function previewSignUpInvite({ token, now }: { token: string; now: Date }): Promise<SignUpInvite | undefined> {
  return findSignUpInvite(getDb(), hashToken(token), now);
}

/** Inside the sign-up transaction: what the token offers, only while it works. */
export function findSignUpInvite(tx: Tx | Db, tokenHash: string, now: Date): SignUpInvite | undefined {
  if (tx.select({ id: instanceInvites.id }).from(instanceInvites).where(works(tokenHash, now)).get()) return { kind: 'instance' };
  const team = tx
    .select({ teamId: invites.teamId, teamName: teams.name, role: invites.role })
    .from(invites)
    .innerJoin(teams, eq(teams.id, invites.teamId))
    .where(teamInviteWorks(tokenHash, now))
    .get();
  return team ? { kind: 'team', ...team } : undefined;
}

/**
 * Inside the sign-up transaction, once the user row exists: uses one use of the invite `findSignUpInvite`
 * returned; a team invite also makes the new user a member of its team at once.
 */
export function redeemSignUpInvite(tx: Tx, { tokenHash, invite, userId, now }: { tokenHash: string; invite: SignUpInvite; userId: string; now: Date }): void {
  if (invite.kind === 'instance') {
    tx.update(instanceInvites).set({ uses: sql`${instanceInvites.uses} + 1` }).where(works(tokenHash, now)).run();
    return;
  }
  tx.update(invites).set({ uses: sql`${invites.uses} + 1` }).where(teamInviteWorks(tokenHash, now)).run();
  tx.insert(memberships).values({ teamId: invite.teamId, userId, role: invite.role }).run();
}
