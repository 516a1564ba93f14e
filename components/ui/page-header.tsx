import Link from 'next/link';
import type { ReactNode } from 'react';

/** A page's title block: the way back, the title, one line on what the page is for, and its actions beside. */
export function PageHeader({ back, title, children, actions }: { back?: { href: string; label: string }; title: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      <div className="space-y-1">
        {back && (
          <p className="text-sm">
            <Link href={back.href} className="text-muted hover:text-ink">
              ← {back.label}
            </Link>
          </p>
        )}
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {children && <p className="text-sm text-muted">{children}</p>}
      </div>
      {actions}
    </header>
  );
}
