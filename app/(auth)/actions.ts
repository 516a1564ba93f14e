'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { createUserWithPersonalTeam } from '@/db/queries/users';
import { fail, ok, publicAction, type ActionResult } from '@/lib/actions';
import { clientIp } from '@/lib/auth/client-ip';
import { SIGN_IN_BUSY, type SignUpInput, signUpSchema } from '@/lib/auth/credentials';
import { hashBudget } from '@/lib/auth/hash-budget';
import { hashPassword } from '@/lib/auth/password';
import { reserveSignUp, signUpGate, signUpLimits, signUpRefusals } from '@/lib/auth/sign-up';
import { rememberTeam } from '@/lib/auth/team-cookie';
import { getEnv } from '@/lib/env';

type SignUpErrors = Partial<Record<keyof SignUpInput, string[]>>;
const CHECK_FIELDS = 'Check the highlighted fields.';

/**
 * Creates the account and its personal team; the browser then signs in with the same credentials. The
 * sign-up policy is enforced here whatever the page showed, and once more inside the insert.
 */
export const signUp = publicAction(
  signUpSchema,
  async ({ invite, ...account }): Promise<ActionResult<{ email: string; redirectTo?: string }, SignUpErrors>> => {
    const env = getEnv();
    const gate = await signUpGate({ policy: env.signup, token: invite });
    if (!gate.open) return fail(signUpRefusals[gate.refusal]);

    const ip = clientIp(Object.fromEntries((await headers()).entries()), env.trustProxy);
    const reserved = reserveSignUp({ ip, limits: signUpLimits(env.wan.usingEmulator) });
    if (!reserved.ok) return fail(`Too many sign-ups; try again in ${Math.max(1, Math.ceil(reserved.waitMs / 60_000))} min.`);
    if (!hashBudget.take()) return fail(SIGN_IN_BUSY);

    const passwordHash = await hashPassword(account.password);
    const created = await createUserWithPersonalTeam({ ...account, passwordHash, admission: { policy: env.signup, inviteToken: invite } });
    if ('conflict' in created) return fail(CHECK_FIELDS, { email: ['An account with this email already exists. Sign in instead.'] });
    if ('refused' in created) return fail(signUpRefusals[created.refused]);
    if (!created.joinedTeamId) return ok({ email: created.user.email });
    // A team invite was used up by the sign-up itself: start in that team instead of on the invite page.
    await rememberTeam(created.joinedTeamId);
    return ok({ email: created.user.email, redirectTo: '/' });
  },
  (error) => fail(CHECK_FIELDS, z.flattenError(error).fieldErrors as SignUpErrors),
);
