'use client';

import Link from 'next/link';
import { signOut } from 'next-auth/react';
import type { ReactNode } from 'react';
import { Button } from './ui/button';

export function AppHeader({
  userName,
  teamName,
  usingEmulator,
  isAdmin,
  teamSwitcher,
}: {
  userName: string;
  teamName: string;
  usingEmulator: boolean;
  /** The instance's administrator also gets a link to /admin. */
  isAdmin: boolean;
  teamSwitcher: ReactNode;
}) {
  const links: [href: string, label: string][] = [
    ['/', 'Studio'],
    ['/gallery', 'Gallery'],
    ['/team', 'Team'],
    ['/usage', 'Usage'],
    ...(isAdmin ? [['/admin', 'Admin'] as [string, string]] : []),
  ];
  return (
    <header className="sticky top-0 z-10 border-b border-line bg-canvas/85 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:gap-6 sm:px-6">
        <Link href="/" className="flex items-center gap-2 whitespace-nowrap font-semibold tracking-tight" aria-label="Wan Studio">
          <span aria-hidden className="grid size-6 place-items-center rounded-md bg-accent text-xs text-accent-ink">W</span>
          <span className="hidden sm:inline">Wan Studio</span>
        </Link>
        <nav className="flex items-center text-sm sm:gap-1">
          {links.map(([href, label]) => (
            // Narrower on phones, so four links, the switcher and Sign out fit in 390 px.
            <Link key={href} href={href} data-testid={href === '/admin' ? 'admin-link' : undefined} className="rounded-md px-2 py-1.5 text-muted hover:bg-raised hover:text-ink sm:px-3">
              {label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {teamSwitcher}
          {usingEmulator && (
            <span
              data-testid="emulator-badge"
              title="No Wan API key is configured: clips come from the bundled local emulator and cost nothing."
              className="hidden rounded-full border border-warning/40 bg-warning/10 px-2.5 py-0.5 text-xs font-medium text-warning sm:inline"
            >
              Emulator
            </span>
          )}
          <span className="hidden text-muted md:inline" title={teamName}>
            {userName}
          </span>
          <SignOutButton />
        </div>
      </div>
      {usingEmulator && (
        <p className="border-t border-warning/20 bg-warning/5 px-4 py-1.5 text-center text-xs text-warning sm:hidden">
          Running against the local Wan API emulator
        </p>
      )}
    </header>
  );
}

function SignOutButton() {
  return (
    <Button variant="ghost" className="h-8 px-3" onClick={() => void signOut({ callbackUrl: '/sign-in' })}>
      Sign out
    </Button>
  );
}
