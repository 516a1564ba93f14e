'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actions';
import { signInErrorMessage, type SignUpInput } from '@/lib/auth/credentials';
import { Button } from './ui/button';
import { Field, inputClass } from './ui/field';

export type SignUpAction = (input: SignUpInput) => Promise<ActionResult<{ email: string; redirectTo?: string }, Partial<Record<keyof SignUpInput, string[]>>>>;

/** Sign in, or sign up (then sign in with the same credentials). */
export function AuthForm({
  mode,
  signUp,
  callbackUrl,
  initialError,
  invite,
}: {
  mode: 'sign-in' | 'sign-up';
  signUp?: SignUpAction;
  callbackUrl: string;
  initialError?: string;
  /** The invite token the sign-up came with (the server checks it again). */
  invite?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(initialError);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof SignUpInput, string[]>>>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    };
    let next = callbackUrl;
    setError(undefined);
    setFieldErrors({});
    startTransition(async () => {
      if (mode === 'sign-up' && signUp) {
        const created = await signUp({ ...input, invite });
        if (!created.ok) {
          setError(created.message);
          setFieldErrors(created.fieldErrors ?? {});
          return;
        }
        next = created.data.redirectTo ?? callbackUrl;
      }
      const result = await signIn('credentials', { email: input.email, password: input.password, redirect: false });
      if (!result?.ok || result.error) {
        // One message for every failure (unknown email included); only a rate limit says more.
        setError(signInErrorMessage(result?.error));
        return;
      }
      router.replace(next);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {mode === 'sign-up' && (
        <Field id="name" label="Name" error={fieldErrors.name?.[0]}>
          <input id="name" name="name" autoComplete="name" required className={inputClass} aria-invalid={Boolean(fieldErrors.name)} />
        </Field>
      )}
      <Field id="email" label="Email" error={fieldErrors.email?.[0]}>
        <input id="email" name="email" type="email" autoComplete="email" required className={inputClass} aria-invalid={Boolean(fieldErrors.email)} />
      </Field>
      <Field id="password" label="Password" error={fieldErrors.password?.[0]} hint={mode === 'sign-up' ? 'At least 8 characters.' : undefined}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          required
          className={inputClass}
          aria-invalid={Boolean(fieldErrors.password)}
        />
      </Field>
      {error && (
        <p role="status" data-testid="auth-error" className="rounded-lg bg-danger/10 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={pending} className="w-full">
        {pending ? 'One moment…' : mode === 'sign-up' ? 'Create account' : 'Sign in'}
      </Button>
      <p className="text-center text-sm text-muted">
        {mode === 'sign-up' ? (
          <>
            Already have an account? <Link href={withCallback('/sign-in', callbackUrl)} className="text-accent underline underline-offset-2 hover:no-underline">Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href={withCallback('/sign-up', callbackUrl)} className="text-accent underline underline-offset-2 hover:no-underline">Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}

/** Keeps where the person was going (an invite link, say) when they switch between sign-in and sign-up. */
function withCallback(path: string, callbackUrl: string): string {
  return callbackUrl === '/' ? path : `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
