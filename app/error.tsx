'use client';

import { Button } from '@/components/ui/button';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="grid min-h-[60dvh] place-items-center px-4">
      <div className="max-w-sm space-y-3 text-center">
        <h1 className="text-xl font-semibold">Something went wrong on our side</h1>
        <p className="text-sm text-muted">Your clips and settings are safe. Try again; if it keeps happening, reload the page.</p>
        <Button variant="primary" onClick={reset}>
          Try again
        </Button>
      </div>
    </main>
  );
}
