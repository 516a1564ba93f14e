import 'server-only';
import { and, eq, max } from 'drizzle-orm';
import { getDb } from '../index';
import { generations } from '../schema';

/** The fail code a send refused for lack of credit (HTTP 402) is stored under. */
export const CREDIT_FAIL_CODE = 'HTTP_402';

/**
 * What the credit pause is rebuilt from after a restart, across every team: when a send was last refused for
 * lack of credit, and when the service last accepted one. Read once per process.
 */
export async function lastCreditOutcomes(): Promise<{ refusedAt: Date | undefined; acceptedAt: Date | undefined }> {
  const db = getDb();
  const refused = db
    .select({ at: max(generations.completedAt) })
    .from(generations)
    .where(and(eq(generations.state, 'failed'), eq(generations.failCode, CREDIT_FAIL_CODE)))
    .get();
  const accepted = db.select({ at: max(generations.submittedAt) }).from(generations).get();
  return { refusedAt: refused?.at ?? undefined, acceptedAt: accepted?.at ?? undefined };
}
