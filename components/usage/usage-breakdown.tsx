import { formatUsd } from '@/lib/generation/request-fields';
import type { UsageFailCode, UsagePersonRow } from '@/lib/usage/report';
import { formatSeconds } from './usage-format';

/** Why clips failed in the period: each code, how often, and what it means in plain words. */
export function UsageFailCodes({ failCodes }: { failCodes: UsageFailCode[] }) {
  if (failCodes.length === 0) return <p className="text-sm text-muted">No clip failed in this period.</p>;
  return (
    <ul className="divide-y divide-line rounded-xl border border-line bg-surface" data-testid="usage-fail-codes">
      {failCodes.map((fail) => (
        <li key={fail.code} className="flex items-start gap-4 p-4">
          <span className="min-w-10 rounded-md bg-danger/10 px-2 py-0.5 text-center text-sm font-semibold tabular-nums text-danger" aria-label={`${fail.count} ${fail.count === 1 ? 'clip' : 'clips'}`}>
            {fail.count}
          </span>
          <div className="min-w-0 space-y-0.5">
            <p className="text-sm font-medium">{fail.title}</p>
            <p className="text-sm text-muted">{fail.advice}</p>
            <p className="break-all font-mono text-xs text-muted">{fail.code}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The team's people in the period, by spend. */
export function UsagePeople({ people }: { people: UsagePersonRow[] }) {
  if (people.length === 0) return <p className="text-sm text-muted">Nobody in the team started a clip in this period.</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full text-sm" data-testid="usage-people">
        <thead className="text-left text-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Person</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Clips</th>
            <th scope="col" className="hidden px-4 py-2 text-right font-medium sm:table-cell">Video</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Spend</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.userId} className="border-t border-line">
              <td className="max-w-0 px-4 py-2">
                <span className="block truncate">{person.name}</span>
                <span className="block truncate text-xs text-muted">{person.email}</span>
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{person.clips}</td>
              <td className="hidden px-4 py-2 text-right tabular-nums sm:table-cell">{formatSeconds(person.seconds)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatUsd(person.cents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
