import Link from 'next/link';

/** Side by side, or one frame with a wipe between A and B (two clips only). */
export function CompareModeLinks({ ids, wipe }: { ids: string[]; wipe: boolean }) {
  const base = `/compare?ids=${ids.join(',')}`;
  const tab = (active: boolean) => `rounded-md px-3 py-1.5 text-sm transition ${active ? 'bg-surface text-ink shadow-sm' : 'text-muted hover:text-ink'}`;
  return (
    <nav aria-label="Compare mode" className="flex rounded-lg border border-line bg-raised p-0.5">
      <Link href={base} className={tab(!wipe)} aria-current={!wipe ? 'page' : undefined}>
        Side by side
      </Link>
      <Link href={`${base}&view=wipe`} className={tab(wipe)} aria-current={wipe ? 'page' : undefined} data-testid="wipe-mode">
        A/B wipe
      </Link>
    </nav>
  );
}
