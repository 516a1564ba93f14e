'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createInstanceInvite, revokeInstanceInvite } from '@/db/queries/instance-invites';
import { firstError, refusal, type ActionResult } from '@/lib/action-result';
import { instanceInviteSchema, type InstanceInviteInput } from '@/lib/auth/instance-invite-schema';
import { getAdminUser, getSessionUser } from '@/lib/auth/session';

const NOT_ADMIN = 'Only the studio’s administrator can do that.';

async function refuseUnlessAdmin(): Promise<{ ok: true; userId: string } | { ok: false; error: string }> {
  const admin = await getAdminUser();
  if (admin) return { ok: true, userId: admin.id };
  return { ok: false, error: (await getSessionUser()) ? NOT_ADMIN : refusal[401] };
}

/** A sign-up link for the studio; its token is shown once (only a hash is kept). */
export async function createInstanceInviteAction(input: InstanceInviteInput): Promise<ActionResult<{ path: string }>> {
  const admin = await refuseUnlessAdmin();
  if (!admin.ok) return admin;
  const parsed = instanceInviteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  const { token } = await createInstanceInvite({
    maxUses: parsed.data.maxUses,
    expiresAt: new Date(Date.now() + parsed.data.expiresInDays * 24 * 60 * 60_000),
    createdBy: admin.userId,
  });
  revalidatePath('/admin');
  return { ok: true, data: { path: `/sign-up?invite=${token}` } };
}

export async function revokeInstanceInviteAction(id: string): Promise<ActionResult<null>> {
  const admin = await refuseUnlessAdmin();
  if (!admin.ok) return admin;
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success || !(await revokeInstanceInvite({ id: parsed.data, now: new Date() }))) return { ok: false, error: 'That invite does not exist or is already revoked.' };
  revalidatePath('/admin');
  return { ok: true, data: null };
}
