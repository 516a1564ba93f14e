'use client';

import { signOut } from 'next-auth/react';
import { Button } from './ui/button';

export function SignOutButton() {
  return (
    <Button variant="ghost" className="h-8 px-3" onClick={() => void signOut({ callbackUrl: '/sign-in' })}>
      Sign out
    </Button>
  );
}
