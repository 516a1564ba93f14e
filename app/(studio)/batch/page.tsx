import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { BatchWorkspace } from '@/components/batch/batch-workspace';
import { can } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Batch' };

/** Many clips from one file: a shot list with its own settings per row. */
export default async function BatchPage() {
  const { member } = await requireStudioContext();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader back={{ href: '/', label: 'Studio' }} title="Batch">
        A shot list in one go: each row of a CSV or JSON Lines file is one clip with its own prompt and settings. Every row is checked first; then all of them
        start together, or none.
      </PageHeader>
      {can(member, 'generation:create') ? <BatchWorkspace /> : <p className="text-sm text-muted">Your role in this team cannot start clips.</p>}
    </div>
  );
}
