'use client';

import { useEffect, useRef, useState } from 'react';
import type { Theme } from '@/lib/theme';
import { ThemeChoice, type SetThemeAction } from './theme-choice';
import { Button } from './ui/button';

/** next-auth's client is loaded on the click: every studio page has this menu, few of its loads sign out. */
async function signOutToSignIn() {
  const { signOut } = await import('next-auth/react');
  await signOut({ callbackUrl: '/sign-in' });
}

/** The person's own corner of the header: who is signed in, where, the theme, and Sign out. */
export function AccountMenu({ userName, teamName, theme, setTheme }: { userName: string; teamName: string; theme: Theme; setTheme: SetThemeAction }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  const initial = userName.trim().charAt(0).toUpperCase() || '?';
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="account-menu"
        aria-label={`Account: ${userName}`}
        data-testid="account-button"
        onClick={() => setOpen((value) => !value)}
        className="flex h-8 items-center gap-2 rounded-full border border-line bg-surface pl-1 pr-1 text-sm text-ink hover:bg-raised md:pr-3"
      >
        <span aria-hidden className="grid size-6 place-items-center rounded-full bg-raised text-xs font-semibold">
          {initial}
        </span>
        <span className="hidden max-w-32 truncate md:inline">{userName}</span>
      </button>
      {open && (
        <div id="account-menu" data-testid="account-menu" className="absolute right-0 top-10 z-20 w-64 max-w-[calc(100vw-2rem)] space-y-4 rounded-card border border-line bg-surface p-4 shadow-lg">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium">{userName}</p>
            <p className="truncate text-xs text-muted">Working in {teamName}</p>
          </div>
          <ThemeChoice initial={theme} setTheme={setTheme} />
          <Button variant="secondary" className="h-9 w-full" onClick={() => void signOutToSignIn()}>
            Sign out
          </Button>
        </div>
      )}
    </div>
  );
}
