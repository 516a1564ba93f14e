import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { requireStudioContext } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const { user, team } = await requireStudioContext();
  return (
    <>
      <AppHeader userName={user.name} teamName={team.teamName} usingEmulator={getEnv().wan.usingEmulator} />
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </>
  );
}
