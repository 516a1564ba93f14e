import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth-card';
import { AuthForm } from '@/components/auth-form';
import { oauthProviderList } from '@/lib/auth/oauth';
import { getSessionUser } from '@/lib/auth/session';
import { pageErrorMessage } from '@/lib/auth/credentials';
import { signInRedirectPath } from '@/lib/sign-in-redirect';
import { OAuthButtons } from './oauth-buttons';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = signInRedirectPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <AuthCard title="Welcome back" subtitle="Sign in to your studio.">
      <div className="space-y-4">
        <OAuthButtons providers={oauthProviderList()} callbackUrl={callbackUrl} />
        <AuthForm mode="sign-in" callbackUrl={callbackUrl} initialError={pageErrorMessage(params.error)} />
      </div>
    </AuthCard>
  );
}
