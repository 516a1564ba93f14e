'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import { Button } from '../ui/button';

const roleText = { owner: 'an owner', editor: 'an editor', viewer: 'a viewer' } as const;

export function AcceptInvite({ token, role, accept }: { token: string; role: 'owner' | 'editor' | 'viewer'; accept: (token: string) => Promise<ActionResult<{ teamId: string }>> }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">You are invited as {roleText[role]}: you will see the team’s gallery{role === 'viewer' ? '' : ' and generate clips with its API key'}.</p>
      <Button
        variant="primary"
        className="w-full"
        disabled={pending}
        data-testid="accept-invite"
        onClick={() =>
          startTransition(async () => {
            const result = await accept(token);
            if (!result.ok) return setError(result.message);
            router.push('/gallery');
          })
        }
      >
        Join the team
      </Button>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
