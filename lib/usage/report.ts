import type { UsagePeriod, UsageScope } from './period';

// What the usage route answers and the page draws. Types only: safe for the browser.

export type UsageDayPoint = { day: string; succeeded: number; failed: number; cancelled: number; running: number; seconds: number; cents: number };

export type UsageTotals = {
  clips: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  running: number;
  /** Seconds of video made (successful clips only). */
  seconds: number;
  /** Estimated spend, US cents: each clip's price when it was started, as the daily budgets count it. */
  cents: number;
  /** succeeded / (succeeded + failed); null when nothing has finished yet. */
  successRate: number | null;
  /** Median created → finished of successful clips, ms; null when none. */
  medianMs: number | null;
};

export type UsageFailCode = { code: string; count: number; title: string; advice: string };
export type UsagePersonRow = { userId: string; name: string; email: string; clips: number; seconds: number; cents: number };

export type UsageReport = {
  period: UsagePeriod;
  scope: UsageScope;
  timeZone: string;
  totals: UsageTotals;
  failCodes: UsageFailCode[];
  days: UsageDayPoint[];
  /** The team view only. */
  people: UsagePersonRow[] | null;
};
