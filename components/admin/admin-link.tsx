import 'server-only';
import Link from 'next/link';
import { getAdminUser } from '@/lib/auth/session';

/** The header's link to the administrator's page, rendered for the administrator only. */
export async function AdminLink() {
  if (!(await getAdminUser())) return null;
  return (
    <Link href="/admin" data-testid="admin-link" className="rounded-md px-3 py-1.5 text-muted hover:bg-raised hover:text-ink">
      Admin
    </Link>
  );
}
