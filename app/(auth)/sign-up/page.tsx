import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth-card';
import { AuthForm } from '@/components/auth-form';
import { getSessionUser } from '@/lib/auth/session';
import { signUp } from '../actions';

export const metadata: Metadata = { title: 'Create account' };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect('/');
  return (
    <AuthCard title="Create your studio" subtitle="Write prompts, generate clips, keep every one reproducible.">
      <AuthForm mode="sign-up" signUp={signUp} callbackUrl="/" />
    </AuthCard>
  );
}
