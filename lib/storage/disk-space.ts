// Room to store: every write under DATA_DIR keeps DISK_RESERVE_BYTES free (checked before it starts and again as
// it grows), and each team stays within its share of the disk.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { getTeamStorageUsage } from '@/db/queries/storage';
import { getEnv } from '@/lib/env';

/** 1.2 GB, 20 GB, 640 KB; in units of 1024, as the limits are set (20 GB = 20 × 1024³ bytes). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${value} ${value === 1 ? 'byte' : 'bytes'}`;
  // One decimal only where it says something: 1.2 GB, but 20 GB.
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${units[unit]}`;
}

type Statfs = (dir: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;

/** How often a growing write asks the disk again. */
export const CHECK_EVERY_BYTES = 8 * 1024 * 1024;

let statfs: Statfs = (dir) => fs.promises.statfs(dir);

/** Tests report a nearly full (or filling) disk through this; no argument restores the real one. */
export function setStatfsForTests(fake?: Statfs): void {
  statfs = fake ?? ((dir) => fs.promises.statfs(dir));
}

export class DiskFullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiskFullError';
  }
}

/** Free bytes for us on the disk holding `dir` (its nearest existing ancestor when it does not exist yet). */
export async function freeBytes(dir: string): Promise<number> {
  let at = path.resolve(dir);
  while (!fs.existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  const stats = await statfs(at);
  return Number(stats.bavail) * Number(stats.bsize);
}

/** Throws DiskFullError unless `needed` more bytes still leave the reserve free. */
export async function ensureFreeSpace(dir: string, needed: number): Promise<void> {
  const reserve = getEnv().disk.reserveBytes;
  const free = await freeBytes(dir);
  if (free - needed < reserve) {
    throw new DiskFullError(
      `The studio's disk is almost full: ${formatBytes(free)} free, ${formatBytes(reserve)} kept in reserve${needed > 0 ? `, ${formatBytes(needed)} needed` : ''}. Free some space and try again.`,
    );
  }
}

/** For a write that grows chunk by chunk: call with the running byte count; it asks the disk every few MB. */
export function diskGuard(dir: string): (written: number) => Promise<void> {
  let checkedAt = 0;
  return async (written) => {
    if (written - checkedAt < CHECK_EVERY_BYTES) return;
    checkedAt = written;
    await ensureFreeSpace(dir, 0);
  };
}

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
