// Readiness for a load balancer: this instance can serve (its database answers with every migration applied,
// its storage takes a write). Trouble upstream (the Wan service failing, the key out of credit) is reported as
// degraded, not down: pages, the gallery and archived clips still work, and another instance would not help.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databaseState, shippedMigrations } from '@/db/queries/ops';
import { getEnv } from '@/lib/env';
import { metrics } from './metrics';

export type Check = { ok: boolean; detail?: string };
export type Readiness = { status: 'ready' | 'degraded' | 'down'; checks: { database: Check; storage: Check; upstream: Check } };

/** Upstream failures in a row, within this long, that make the service count as failing. */
const FAILING_AFTER = 3;
const RECENT_MS = 2 * 60_000;
/** A check that takes longer than this has failed: a load balancer must get its answer quickly. */
const CHECK_TIMEOUT_MS = 2_000;

/** The check's answer, or a failure saying it took too long (or threw). */
async function bounded(check: () => Promise<Check>, what: string): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Check>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `${what} did not answer within ${CHECK_TIMEOUT_MS / 1000} s` }), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().catch((): Check => ({ ok: false, detail: `${what} could not be checked` })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `creditPaused`: the dispatcher's pause for an out-of-credit key (lib/tasks/credit-pause.ts), asked by the route;
 * `checkStorage`: the bucket's probe when videos live in one (lib/storage/bucket-probe.ts), else the disk's.
 */
export async function readiness({ creditPaused, checkStorage = checkDisk, now = Date.now() }: { creditPaused: () => Promise<boolean>; checkStorage?: () => Promise<Check>; now?: number }): Promise<Readiness> {
  const [database, storage, upstream] = await Promise.all([
    bounded(checkDatabase, 'the database'),
    bounded(checkStorage, 'storage'),
    bounded(() => checkUpstream(now, creditPaused), 'the credit check'),
  ]);
  const status = !database.ok || !storage.ok ? 'down' : upstream.ok ? 'ready' : 'degraded';
  return { status, checks: { database, storage, upstream } };
}

let shippedCount: number | undefined;

async function checkDatabase(): Promise<Check> {
  try {
    const { appliedMigrations } = await databaseState();
    const shipped = (shippedCount ??= shippedMigrations());
    return appliedMigrations >= shipped ? { ok: true } : { ok: false, detail: `${appliedMigrations} of ${shipped} migrations applied` };
  } catch {
    return { ok: false, detail: 'the database does not answer' };
  }
}

/** A small file written, read back and removed where the videos go. */
async function checkDisk(): Promise<Check> {
  const dir = path.join(/* turbopackIgnore: true */ getEnv().dataDir, 'videos');
  const probe = path.join(/* turbopackIgnore: true */ dir, `.ready-${crypto.randomUUID()}`);
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    await fs.promises.writeFile(probe, 'ready');
    const back = await fs.promises.readFile(probe, 'utf8');
    return back === 'ready' ? { ok: true } : { ok: false, detail: 'storage gave back other bytes' };
  } catch {
    return { ok: false, detail: 'storage is not writable' };
  } finally {
    await fs.promises.rm(probe, { force: true }).catch(() => undefined);
  }
}

async function checkUpstream(now: number, creditPaused: () => Promise<boolean>): Promise<Check> {
  if (await creditPaused()) return { ok: false, detail: 'the API key is out of credit; sending is paused' };
  const { failuresInARow, lastFailureAt, lastFailure } = metrics().upstream;
  if (failuresInARow >= FAILING_AFTER && lastFailureAt !== undefined && now - lastFailureAt < RECENT_MS) {
    return { ok: false, detail: `the Wan API failed the last ${failuresInARow} calls (${lastFailure})` };
  }
  return { ok: true };
}
