import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { ImportForm } from '@/components/gallery/import-form';
import { can } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { importRecipes } from '../actions';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage() {
  const { member } = await requireStudioContext();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader back={{ href: '/gallery', label: 'Gallery' }} title="Import">
        Bring clips from a Wan Studio export into this team’s gallery: the whole zip re-creates them from their videos; its recipes.json alone sends every recipe
        again exactly, seed included.
      </PageHeader>
      {can(member, 'generation:create') ? (
        <ImportForm prices={getEnv().prices} importRecipes={importRecipes} />
      ) : (
        <p className="text-sm text-muted">Your role in this team cannot start clips.</p>
      )}
    </div>
  );
}
