import type { UsageCell } from '@/db/queries/usage';
import type { UsageDayPoint, UsagePersonRow } from './report';

// Adds the query's day × person cells up into the report's days and people. Pure.

export function addUpDays(days: string[], cells: UsageCell[]): UsageDayPoint[] {
  const byDay = new Map(days.map((day) => [day, { day, succeeded: 0, failed: 0, cancelled: 0, running: 0, seconds: 0, cents: 0 }]));
  for (const cell of cells) {
    const point = byDay.get(cell.day);
    if (!point) continue;
    point.succeeded += cell.succeeded;
    point.failed += cell.failed;
    point.cancelled += cell.cancelled;
    point.running += cell.total - cell.succeeded - cell.failed - cell.cancelled;
    point.seconds += cell.seconds;
    point.cents += cell.cents;
  }
  return [...byDay.values()];
}

/** Each person's clips, seconds and spend, most spent first (then most clips). */
export function addUpPeople(cells: UsageCell[], names: Map<string, { name: string; email: string }>): UsagePersonRow[] {
  const byPerson = new Map<string, UsagePersonRow>();
  for (const cell of cells) {
    const known = names.get(cell.userId);
    const row = byPerson.get(cell.userId) ?? { userId: cell.userId, name: known?.name ?? 'Unknown person', email: known?.email ?? '', clips: 0, seconds: 0, cents: 0 };
    row.clips += cell.total;
    row.seconds += cell.seconds;
    row.cents += cell.cents;
    byPerson.set(cell.userId, row);
  }
  return [...byPerson.values()].sort((a, b) => b.cents - a.cents || b.clips - a.clips);
}
