import type { Metadata } from 'next';
import Link from 'next/link';
import { BatchWorkspace } from '@/components/batch/batch-workspace';
import { can } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Batch' };

/** Many clips from one file: a shot list with its own settings per row. */
export default async function BatchPage() {
  const { member } = await requireStudioContext();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/" className="text-muted hover:text-ink">
            ← Studio
          </Link>
        </p>
        <h1 className="text-xl font-semibold tracking-tight">Batch</h1>
        <p className="text-sm text-muted">
          A shot list in one go: each row of a CSV or JSON Lines file is one clip with its own prompt and settings. Every row is checked first; then all of them start
          together, or none.
        </p>
      </header>
      {can(member, 'generation:create') ? <BatchWorkspace /> : <p className="text-sm text-muted">Your role in this team cannot start clips.</p>}
    </div>
  );
}
