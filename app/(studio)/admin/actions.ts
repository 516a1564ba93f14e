'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createInstanceInvite, revokeInstanceInvite } from '@/db/queries/instance-invites';
import { adminAction, fail, ok, type ActionResult } from '@/lib/actions';
import { instanceInviteSchema } from '@/lib/teams/schemas';

const INVITE_NOT_FOUND = 'That invite does not exist or is already revoked.';

/** A sign-up link for the studio; its token is shown once (only a hash is kept). */
export const createInstanceInviteAction = adminAction(instanceInviteSchema, async (invite, { admin }): Promise<ActionResult<{ path: string }>> => {
  const { token } = await createInstanceInvite({
    maxUses: invite.maxUses,
    expiresAt: new Date(Date.now() + invite.expiresInDays * 24 * 60 * 60_000),
    createdBy: admin.id,
  });
  revalidatePath('/admin');
  return ok({ path: `/sign-up?invite=${token}` });
});

export const revokeInstanceInviteAction = adminAction(
  z.uuid(),
  async (id): Promise<ActionResult<null>> => {
    if (!(await revokeInstanceInvite({ id, now: new Date() }))) return fail(INVITE_NOT_FOUND);
    revalidatePath('/admin');
    return ok(null);
  },
  INVITE_NOT_FOUND,
);
