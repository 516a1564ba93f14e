import 'server-only';
import { getTeamStorageUsage } from '@/db/queries/storage-usage';
import { getEnv } from '@/lib/env';
import { formatBytes } from './format-bytes';

export type QuotaCheck = { ok: true } | { ok: false; message: string };

/** Refuses `adding` more bytes for a team whose archived videos and start frames would pass its share of the disk. */
export async function checkTeamQuota({ teamId, adding }: { teamId: string; adding: number }): Promise<QuotaCheck> {
  const limit = getEnv().disk.teamQuotaBytes;
  const { totalBytes: used } = await getTeamStorageUsage({ teamId });
  if (used + adding <= limit) return { ok: true };
  return {
    ok: false,
    message: `This team's storage is full: ${formatBytes(used)} of ${formatBytes(limit)} used, and this needs ${formatBytes(adding)} more. Delete clips and empty the trash to make room.`,
  };
}
