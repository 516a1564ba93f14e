import 'server-only';
import { and, count, eq, inArray, isNull, not, sql } from 'drizzle-orm';
import { inFlightStates } from '@/lib/generation/states';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { getDb, migrationsFolder } from '../index';
import { generations } from '../schema';

// What operations read of the whole studio (every team): the health check and the metrics' gauges.

/**
 * Clips waiting to be sent, holding one of the service's slots, finished but not yet in our storage (the
 * archiver still trying), and finished with no copy that the archiver gave up on (their link expired).
 */
export async function countClipsByStage(): Promise<{ queued: number; inFlight: number; archiving: number; archiveFailed: number }> {
  const db = getDb();
  const queued = db.select({ n: count() }).from(generations).where(eq(generations.state, 'queued')).get();
  const inFlight = db.select({ n: count() }).from(generations).where(inArray(generations.state, inFlightStates)).get();
  const unarchived = and(eq(generations.state, 'success'), isNull(generations.archivedAt));
  const gaveUp = sql`${generations.archiveNextAt} is null and ${generations.archiveError} is not null`;
  const archiving = db.select({ n: count() }).from(generations).where(and(unarchived, not(gaveUp))).get();
  const archiveFailed = db.select({ n: count() }).from(generations).where(and(unarchived, gaveUp)).get();
  return { queued: queued?.n ?? 0, inFlight: inFlight?.n ?? 0, archiving: archiving?.n ?? 0, archiveFailed: archiveFailed?.n ?? 0 };
}

/** The database answers, and how many migrations it has applied. */
export async function databaseState(): Promise<{ appliedMigrations: number }> {
  const row = getDb().get<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`);
  return { appliedMigrations: row.n };
}

/** How many migrations this build ships (the journal's entries). */
export function shippedMigrations(): number {
  return readMigrationFiles({ migrationsFolder }).length;
}
