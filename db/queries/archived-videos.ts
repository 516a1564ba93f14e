import 'server-only';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { getDb } from '../index';
import { generations } from '../schema';

/**
 * Which of these video sha256s the team's gallery (trash left out) already holds as an archived clip: what
 * a zip import skips, so importing the same export twice adds nothing. A clip is known by its video as the
 * service made it (`videoSha256`): its archive's sha256, or the original's when the archive is a tagged copy.
 * Tenant rule: scoped by `teamId`.
 */
export async function listArchivedSha256s({ teamId, sha256s }: { teamId: string; sha256s: string[] }): Promise<Set<string>> {
  if (sha256s.length === 0) return new Set();
  const wanted = [...new Set(sha256s)];
  const rows = getDb()
    .select({ archive: generations.archiveSha256, source: generations.sourceSha256 })
    .from(generations)
    .where(and(eq(generations.teamId, teamId), isNull(generations.deletedAt), or(inArray(generations.archiveSha256, wanted), inArray(generations.sourceSha256, wanted))))
    .all();
  const known = new Set(wanted);
  return new Set(rows.flatMap((row) => [row.archive, row.source].filter((sha): sha is string => sha !== null && known.has(sha))));
}
