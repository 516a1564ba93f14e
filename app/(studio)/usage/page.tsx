import type { Metadata } from 'next';
import { UsageDashboard } from '@/components/usage/usage-dashboard';
import { can } from '@/lib/auth/authz';
import { requireStudioContext } from '@/lib/auth/session';
import { usageQuerySchema } from '@/lib/usage/period';

export const metadata: Metadata = { title: 'Usage' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsagePage({ searchParams }: { searchParams: SearchParams }) {
  const { team, member } = await requireStudioContext();
  const raw = await searchParams;
  // A bad or missing value falls back to its default here; the route itself answers bad input with a 400.
  const parsed = usageQuerySchema.safeParse({ period: raw.period, scope: raw.scope });
  const { period, scope } = parsed.success ? parsed.data : usageQuerySchema.parse({});
  const canSeeTeam = can(member, 'usage:team');
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Usage</h1>
        <p className="max-w-3xl text-sm text-muted">
          Clips started in <span className="text-ink">{team.teamName}</span>: what they cost and how they went. Spend is estimated from the price table, as the daily budgets count it; clips in the
          trash still count, since their cost was spent.
        </p>
      </header>
      <UsageDashboard initial={{ period, scope: canSeeTeam ? scope : 'me' }} canSeeTeam={canSeeTeam} canGenerate={can(member, 'generation:create')} />
    </div>
  );
}
