import { describe, expect, it } from 'vitest';
import { formatDate } from './format';

const instants = [Date.UTC(2026, 11, 1, 17, 42), Date.UTC(2026, 0, 9, 0, 5), Date.UTC(2025, 6, 31, 12, 0), Date.UTC(2024, 1, 29, 23, 59), Date.UTC(2030, 9, 3, 11, 59, 59)];

describe('formatDate', () => {
  it('writes what Intl writes for en medium date, short time, in UTC, and says UTC', () => {
    const intl = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    for (const ms of instants) expect(formatDate(ms, 'UTC')).toBe(`${intl.format(ms)} UTC`);
  });

  it('writes what Intl writes in the local zone', () => {
    const intl = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    for (const ms of instants) expect(formatDate(ms)).toBe(intl.format(ms));
  });
});
