'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export type OAuthButtonProvider = { id: 'github' | 'google'; name: string };

/** "Continue with …" for each OAuth provider the server says is configured; renders nothing when none is. */
export function OAuthButtons({ providers, callbackUrl }: { providers: OAuthButtonProvider[]; callbackUrl: string }) {
  const [pending, setPending] = useState<string>();
  if (providers.length === 0) return null;
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        {providers.map((provider) => (
          <Button
            key={provider.id}
            className="w-full"
            disabled={pending !== undefined}
            onClick={() => {
              setPending(provider.id);
              void signIn(provider.id, { callbackUrl });
            }}
          >
            {pending === provider.id ? 'One moment…' : `Continue with ${provider.name}`}
          </Button>
        ))}
      </div>
      <div className="flex items-center gap-3 text-xs text-muted" aria-hidden>
        <span className="h-px flex-1 bg-line" />
        or
        <span className="h-px flex-1 bg-line" />
      </div>
    </div>
  );
}
