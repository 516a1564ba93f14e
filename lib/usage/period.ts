import { z } from 'zod';
import '@/lib/zod-jitless';

// Which usage to show: the period, whose clips, and the time zone the days are counted in. Safe for the browser.

export const usagePeriods = [7, 30, 90] as const;
export type UsagePeriod = (typeof usagePeriods)[number];
export const usageScopes = ['me', 'team'] as const;
export type UsageScope = (typeof usageScopes)[number];

/** An IANA zone this runtime knows ("Europe/Paris", "UTC"); anything else is refused rather than guessed. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The usage route's query: `?period=30&scope=me&tz=Europe/Paris`; each has a default. */
export const usageQuerySchema = z.object({
  period: z.coerce.number().pipe(z.literal(usagePeriods, 'Period must be 7, 30 or 90 days')).default(30),
  scope: z.enum(usageScopes, 'Scope must be "me" or "team"').default('me'),
  tz: z.string().min(1).max(64).refine(isTimeZone, 'Unknown time zone').default('UTC'),
});
export type UsageQuery = z.output<typeof usageQuerySchema>;

/** One local calendar day as an instant range [start, end) in ms, labelled YYYY-MM-DD. */
export type DayRange = { day: string; start: number; end: number };

const DAY_MS = 86_400_000;

/** The wall clock in `timeZone` at `instant`, read as if it were UTC; minus `instant`, the zone's offset. */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
}

/** The instant local midnight starts the calendar day `utcMidnight` names (a UTC-midnight ms), in `timeZone`. */
function localMidnight(utcMidnight: number, timeZone: string): number {
  let guess = utcMidnight - (wallClockAsUtc(utcMidnight, timeZone) - utcMidnight);
  // Once more at the guess itself: the offset may differ there (a DST change between the two instants).
  guess = utcMidnight - (wallClockAsUtc(guess, timeZone) - guess);
  return guess;
}

const label = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

/**
 * The last `period` calendar days in `timeZone`, today included, oldest first. Each day is the zone's own
 * midnight to midnight, so a day across a DST change is 23 or 25 hours long.
 */
export function dayRanges({ period, timeZone, now }: { period: number; timeZone: string; now: Date }): DayRange[] {
  const wall = wallClockAsUtc(now.getTime(), timeZone);
  const today = wall - (wall % DAY_MS);
  const days: DayRange[] = [];
  for (let back = period - 1; back >= 0; back--) {
    const midnight = today - back * DAY_MS;
    days.push({ day: label(midnight), start: localMidnight(midnight, timeZone), end: localMidnight(midnight + DAY_MS, timeZone) });
  }
  return days;
}
