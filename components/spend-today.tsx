import { formatUsd } from '@/lib/generation/request-fields';
import { UsageMeter } from './ui/usage-meter';

type Spend = { studioCents: number; people: { userId: string; name: string; email: string; cents: number; clips: number }[] };

/** The administrator's view of today's spend (UTC day): the studio against its budget, and who spent most. */
export function SpendToday({ spend, studioBudgetCents, personBudgetCents, resetsIn }: { spend: Spend; studioBudgetCents: number; personBudgetCents: number; resetsIn: string }) {
  return (
    <div className="space-y-4">
      <UsageMeter label="Spent today" used={formatUsd(spend.studioCents)} limit={formatUsd(studioBudgetCents)} fraction={studioBudgetCents ? spend.studioCents / studioBudgetCents : 1} testId="spend-today" />
      <p className="text-sm text-muted">
        Estimated from the price table when each clip was started; resets at 00:00 UTC, in {resetsIn}. Each person may spend up to {formatUsd(personBudgetCents)} a day across all their teams.
      </p>
      {spend.people.length > 0 ? (
        <table className="w-full max-w-xl text-sm">
          <thead className="text-left text-muted">
            <tr>
              <th className="py-1 font-medium">Person</th>
              <th className="py-1 text-right font-medium">Clips</th>
              <th className="py-1 text-right font-medium">Spent</th>
            </tr>
          </thead>
          <tbody>
            {spend.people.map((person) => (
              <tr key={person.userId} className="border-t border-line">
                <td className="py-1.5">
                  {person.name} <span className="text-muted">{person.email}</span>
                </td>
                <td className="py-1.5 text-right tabular-nums">{person.clips}</td>
                <td className="py-1.5 text-right tabular-nums">{formatUsd(person.cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-muted">Nobody has started a clip today.</p>
      )}
    </div>
  );
}
