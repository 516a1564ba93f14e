import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '../index';
import { generations } from '../schema';

/**
 * Which of these video sha256s the team's gallery (trash left out) already holds as an archived clip: what
 * a zip import skips, so importing the same export twice adds nothing. Tenant rule: scoped by `teamId`.
 */
export async function listArchivedSha256s({ teamId, sha256s }: { teamId: string; sha256s: string[] }): Promise<Set<string>> {
  if (sha256s.length === 0) return new Set();
  const rows = getDb()
    .selectDistinct({ sha256: generations.archiveSha256 })
    .from(generations)
    .where(and(eq(generations.teamId, teamId), isNull(generations.deletedAt), inArray(generations.archiveSha256, [...new Set(sha256s)])))
    .all();
  return new Set(rows.flatMap((row) => (row.sha256 ? [row.sha256] : [])));
}
