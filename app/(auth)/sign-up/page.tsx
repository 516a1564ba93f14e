import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth-card';
import { AuthForm } from '@/components/auth-form';
import { getSessionUser } from '@/lib/auth/session';
import { safeCallbackUrl } from '@/lib/safe-callback';
import { signUp } from '../actions';

export const metadata: Metadata = { title: 'Create account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <AuthCard title="Create your studio" subtitle="Write prompts, generate clips, keep every one reproducible.">
      <AuthForm mode="sign-up" signUp={signUp} callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
