'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { createUserWithPersonalTeam } from '@/db/queries/users';
import type { ActionResult } from '@/lib/action-result';
import { clientIp } from '@/lib/auth/client-ip';
import { signUpSchema, type SignUpInput } from '@/lib/auth/credentials';
import { hashBudget } from '@/lib/auth/hash-budget';
import { hashPassword } from '@/lib/auth/password';
import { SIGN_IN_BUSY } from '@/lib/auth/sign-in-errors';
import { reserveSignUp, signUpLimits } from '@/lib/auth/sign-up-limiter';
import { signUpGate, signUpRefusals } from '@/lib/auth/sign-up-policy';
import { rememberTeam } from '@/lib/auth/team-cookie';
import { getEnv } from '@/lib/env';

type SignUpErrors = Partial<Record<keyof SignUpInput, string[]>>;


/**
 * Creates the account and its personal team; the browser then signs in with the same credentials. The
 * sign-up policy is enforced here whatever the page showed, and once more inside the insert.
 */
export async function signUp(input: SignUpInput): Promise<ActionResult<{ email: string; redirectTo?: string }, SignUpErrors>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: 'Check the highlighted fields.', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  const env = getEnv();
  const { invite, ...account } = parsed.data;
  const gate = await signUpGate({ policy: env.signup, token: invite });
  if (!gate.open) return { ok: false, error: signUpRefusals[gate.refusal] };

  const ip = clientIp(Object.fromEntries((await headers()).entries()), env.trustProxy);
  const reserved = reserveSignUp({ ip, limits: signUpLimits(env.wan.usingEmulator) });
  if (!reserved.ok) return { ok: false, error: `Too many sign-ups; try again in ${Math.max(1, Math.ceil(reserved.waitMs / 60_000))} min.` };
  if (!hashBudget.take()) return { ok: false, error: SIGN_IN_BUSY };

  const passwordHash = await hashPassword(account.password);
  const created = await createUserWithPersonalTeam({ ...account, passwordHash, admission: { policy: env.signup, inviteToken: invite } });
  if ('conflict' in created) {
    return { ok: false, error: 'Check the highlighted fields.', fieldErrors: { email: ['An account with this email already exists. Sign in instead.'] } };
  }
  if ('refused' in created) return { ok: false, error: signUpRefusals[created.refused] };
  if (!created.joinedTeamId) return { ok: true, data: { email: created.user.email } };
  // A team invite was used up by the sign-up itself: start in that team instead of on the invite page.
  await rememberTeam(created.joinedTeamId);
  return { ok: true, data: { email: created.user.email, redirectTo: '/' } };
}
