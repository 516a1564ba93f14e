import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth-card';
import { AuthForm } from '@/components/auth-form';
import { getSessionUser } from '@/lib/auth/session';
import { inviteTokenFrom, signUpGate, signUpRefusals, type SignUpGate } from '@/lib/auth/sign-up';
import { getEnv } from '@/lib/env';
import { signInRedirectPath } from '@/lib/sign-in-redirect';
import { signUp } from '../actions';

export const metadata: Metadata = { title: 'Create account', robots: { index: false } };

const roleWithArticle = { owner: 'an owner', editor: 'an editor', viewer: 'a viewer' } as const;

/** One line saying which sign-up policy let this person in. */
function admittedBy(gate: Extract<SignUpGate, { open: true }>): string {
  if (gate.reason === 'first') return 'You are the first person here: this account will administer the studio.';
  if (gate.reason === 'open') return 'Anyone can create an account on this studio.';
  if (gate.invite?.kind === 'team') return `Sign-up is by invitation on this studio. Your invite adds you to ${gate.invite.teamName} as ${roleWithArticle[gate.invite.role]}.`;
  return 'Sign-up is by invitation on this studio, and you have one.';
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = signInRedirectPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const token = inviteTokenFrom({ invite: params.invite, callbackUrl });
  const gate = await signUpGate({ policy: getEnv().signup, token });
  if (!gate.open) {
    const signIn = callbackUrl === '/' ? '/sign-in' : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
    return (
      <AuthCard title={gate.refusal === 'closed' ? 'Sign-up is closed' : 'Sign-up is by invitation'} subtitle="Wan Studio">
        <div className="space-y-4 text-sm">
          <p data-testid="signup-policy" className="text-muted">
            {token ? 'This invite link has expired, has been used up or was revoked. ' : ''}
            {signUpRefusals[gate.refusal]}
          </p>
          <p className="text-center text-muted">
            Already have an account?{' '}
            <Link href={signIn} className="text-accent underline underline-offset-2 hover:no-underline">
              Sign in
            </Link>
          </p>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Create your studio" subtitle="Write prompts, generate clips, keep every one reproducible.">
      <div className="space-y-4">
        <p data-testid="signup-policy" className="rounded-lg bg-raised px-3 py-2 text-sm text-muted">
          {admittedBy(gate)}
        </p>
        <AuthForm mode="sign-up" signUp={signUp} callbackUrl={callbackUrl} invite={gate.reason === 'invited' ? token : undefined} />
      </div>
    </AuthCard>
  );
}
