import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth-card';
import { AuthForm } from '@/components/auth-form';
import { getSessionUser } from '@/lib/auth/session';
import { safeCallbackUrl } from '@/lib/safe-callback';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <AuthCard title="Welcome back" subtitle="Sign in to your studio.">
      <AuthForm mode="sign-in" callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
