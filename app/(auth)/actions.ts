'use server';

import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { createUserWithPersonalTeam } from '@/db/queries/users';
import type { ActionResult } from '@/lib/action-result';
import { signUpSchema, type SignUpInput } from '@/lib/auth/credentials';

type SignUpErrors = Partial<Record<keyof SignUpInput, string[]>>;

/** Creates the account and its personal team; the browser then signs in with the same credentials. */
export async function signUp(input: SignUpInput): Promise<ActionResult<{ email: string }, SignUpErrors>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: 'Check the highlighted fields.', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  const passwordHash = await bcrypt.hash(parsed.data.password, 10);
  const created = await createUserWithPersonalTeam({ ...parsed.data, passwordHash });
  if ('conflict' in created) {
    return { ok: false, error: 'Check the highlighted fields.', fieldErrors: { email: ['An account with this email already exists. Sign in instead.'] } };
  }
  return { ok: true, data: { email: created.user.email } };
}
