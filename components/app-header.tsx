'use client';

import type { ReactNode } from 'react';
import { IntentLink } from './intent-link';

export function AppHeader({
  usingEmulator,
  isAdmin,
  teamSwitcher,
  account,
  balance,
}: {
  usingEmulator: boolean;
  /** The instance's administrator also gets a link to /admin. */
  isAdmin: boolean;
  teamSwitcher: ReactNode;
  /** The person's menu: name, team, theme, Sign out. */
  account: ReactNode;
  /** The API key's balance, for members who may generate. */
  balance?: ReactNode;
}) {
  const links: [href: string, label: string][] = [
    ['/', 'Studio'],
    ['/gallery', 'Gallery'],
    ['/team', 'Team'],
    ['/usage', 'Usage'],
    ...(isAdmin ? [['/admin', 'Admin'] as [string, string]] : []),
  ];
  return (
    // Phones: two rows (logo, team, account; then the links, scrolling sideways if they must), never wider than the screen.
    // From lg it leaves out the activity panel's width (app/globals.css), so its column lines up with main's.
    <header className="z-10 border-b border-line bg-canvas/85 backdrop-blur md:sticky md:top-0 lg:pr-(--activity-width)" data-testid="app-header">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 pb-1 pt-2 md:h-14 md:flex-nowrap md:gap-6 md:px-6 md:py-0">
        <IntentLink href="/" className="flex h-10 items-center gap-2 whitespace-nowrap font-semibold tracking-tight md:h-auto" aria-label="Wan Studio">
          <span aria-hidden className="grid size-6 place-items-center rounded-md bg-accent text-xs text-accent-ink">W</span>
          <span className="hidden sm:inline">Wan Studio</span>
        </IntentLink>
        <nav className="order-last -mx-2 flex w-[calc(100%+1rem)] min-w-0 items-center overflow-x-auto text-sm md:order-none md:mx-0 md:w-auto md:gap-1 md:overflow-visible">
          {links.map(([href, label]) => (
            <IntentLink key={href} href={href} data-testid={href === '/admin' ? 'admin-link' : undefined} className="shrink-0 rounded-md px-2 py-1.5 text-muted hover:bg-raised hover:text-ink md:px-3">
              {label}
            </IntentLink>
          ))}
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2 text-sm md:gap-3">
          {teamSwitcher}
          {balance}
          {usingEmulator && (
            <span
              data-testid="emulator-badge"
              title="No Wan API key is configured: clips come from the bundled local emulator and cost nothing."
              className="hidden whitespace-nowrap rounded-full border border-warning/40 bg-warning/10 px-2.5 py-0.5 text-xs font-medium text-warning md:inline"
            >
              Emulator
            </span>
          )}
          {account}
        </div>
      </div>
      {usingEmulator && (
        <p className="border-t border-warning/20 bg-warning/5 px-4 py-1.5 text-center text-xs text-warning md:hidden">
          Running against the local Wan API emulator
        </p>
      )}
    </header>
  );
}
