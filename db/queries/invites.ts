import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { invites, memberships, teams, type Invite, type Role } from '../schema';

/** Only the hash is stored: a database copy cannot be turned into working invite links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createInvite({ teamId, role, expiresAt, maxUses, createdBy }: { teamId: string; role: Role; expiresAt: Date; maxUses: number; createdBy: string }): Promise<{ invite: Invite; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const invite = getDb()
    .insert(invites)
    .values({ id: crypto.randomUUID(), teamId, role, tokenHash: hashToken(token), expiresAt, maxUses, createdBy })
    .returning()
    .get();
  return { invite, token };
}

/** Invites that still work, newest first. */
export async function listActiveInvites({ teamId, now }: { teamId: string; now: Date }): Promise<Invite[]> {
  return getDb()
    .select()
    .from(invites)
    .where(and(eq(invites.teamId, teamId), isNull(invites.revokedAt), gt(invites.expiresAt, now), lt(invites.uses, invites.maxUses)))
    .orderBy(desc(invites.createdAt))
    .all();
}

export async function revokeInvite({ id, teamId, now }: { id: string; teamId: string; now: Date }): Promise<boolean> {
  return getDb().update(invites).set({ revokedAt: now }).where(and(eq(invites.id, id), eq(invites.teamId, teamId), isNull(invites.revokedAt))).run().changes === 1;
}

export type InvitePreview = { teamId: string; teamName: string; role: Role };

/** What an invite link offers, only while it still works (nothing at all otherwise: no oracle). */
export async function previewInvite({ token, now }: { token: string; now: Date }): Promise<InvitePreview | undefined> {
  return getDb()
    .select({ teamId: invites.teamId, teamName: teams.name, role: invites.role })
    .from(invites)
    .innerJoin(teams, eq(teams.id, invites.teamId))
    .where(and(eq(invites.tokenHash, hashToken(token)), isNull(invites.revokedAt), gt(invites.expiresAt, now), lt(invites.uses, invites.maxUses)))
    .get();
}

/**
 * Joins the invite's team with its role, using one of its uses, in one transaction. Someone already in
 * the team keeps their role and uses nothing.
 */
export async function acceptInvite({ token, userId, now }: { token: string; userId: string; now: Date }): Promise<{ ok: true; teamId: string; joined: boolean } | { ok: false }> {
  return getDb().transaction((tx) => {
    const invite = tx
      .select()
      .from(invites)
      .where(and(eq(invites.tokenHash, hashToken(token)), isNull(invites.revokedAt), gt(invites.expiresAt, now), lt(invites.uses, invites.maxUses)))
      .get();
    if (!invite) return { ok: false } as const;
    const existing = tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.teamId, invite.teamId), eq(memberships.userId, userId))).get();
    if (existing) return { ok: true, teamId: invite.teamId, joined: false } as const;
    tx.update(invites).set({ uses: sql`${invites.uses} + 1` }).where(eq(invites.id, invite.id)).run();
    tx.insert(memberships).values({ teamId: invite.teamId, userId, role: invite.role }).run();
    return { ok: true, teamId: invite.teamId, joined: true } as const;
  });
}
