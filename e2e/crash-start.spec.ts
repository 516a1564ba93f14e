import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { getStats } from '../emulator/admin-client';
import { createUser, signIn, waitForHttp } from '../scripts/bench/studio-harness';

// The default install: `npm start` runs the bundled emulator and the studio together. kill -9 of the whole tree
// while 8 clips are generating, `npm start` again: the restarted emulator still knows the 8 tasks, so each clip
// ends in success with its archive, and nothing was sent twice.

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const DIR = path.resolve('.e2e/crash-start');
const PORT = 3260;
const EMULATOR_PORT = 8796;
const studioUrl = `http://localhost:${PORT}`;
const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORT}`;
// Clips take 10–14 s: long enough that all 8 are still generating when the tree is killed.
const SCALE = 0.2;
const CLIPS = 8;

const env = {
  ...process.env,
  PORT: String(PORT),
  DATA_DIR: path.join(DIR, 'data'),
  EMULATOR_PORT: String(EMULATOR_PORT),
  EMULATOR_DATA_DIR: path.join(DIR, 'emulator'),
  EMULATOR_API_KEYS: 'crash-start-key',
  EMULATOR_TIME_SCALE: String(SCALE),
  WAN_API_KEY: '',
  WAN_POLL_SCALE: String(SCALE),
  PUBLIC_URL: studioUrl,
  NEXTAUTH_URL: studioUrl,
  NEXTAUTH_SECRET: 'e2e-crash-start-secret',
  NEXT_TELEMETRY_DISABLED: '1',
};

type Row = { state: string; task_id: string | null; result_urls: string | null; archive_path: string | null; archive_sha256: string | null };

let tree: ChildProcess | undefined;
let cookie = '';

/** `npm start` as its own process group, so a kill of the group is a kill of everything it started. */
async function npmStart(): Promise<void> {
  const log = fs.openSync(path.join(DIR, 'start.log'), 'a');
  tree = spawn(process.execPath, ['scripts/start.mjs'], { detached: true, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  await waitForHttp(`${studioUrl}/sign-in`, 90_000);
}

/** Live members of a process group, from /proc (zombies left for init to reap do not count). */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // it ended while we looked
    }
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(entry));
  }
  return members;
}

/** Signals the whole `npm start` group; true once none of it is left within the time given. */
async function signalGroup(signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  const pgid = tree?.pid;
  if (!pgid) return true;
  if (groupMembers(pgid).length > 0) process.kill(-pgid, signal);
  const deadline = Date.now() + timeoutMs;
  while (groupMembers(pgid).length > 0) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

function rows(): Row[] {
  const db = new Database(path.join(DIR, 'data', 'studio.db'), { readonly: true });
  try {
    return db.prepare('select state, task_id, result_urls, archive_path, archive_sha256 from generations').all() as Row[];
  } finally {
    db.close();
  }
}

test.beforeAll(async () => {
  // npm start would rebuild a stale build inside this test, under the build the other specs are served from.
  const stale = spawnSync(process.execPath, ['-e', "import('./scripts/build-needed.mjs').then((m) => process.exit(m.buildNeeded() ? 1 : 0))"]);
  if (stale.status !== 0) throw new Error('the production build is older than the sources: run `next build` before this spec');
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  await npmStart();
  await createUser(env.DATA_DIR, 'crash-start@example.test', 'crash-start-password');
  cookie = await signIn(studioUrl, 'crash-start@example.test', 'crash-start-password');
});

test.afterAll(async () => {
  if (!(await signalGroup('SIGTERM', 10_000))) await signalGroup('SIGKILL', 10_000);
});

test('kill -9 of the whole npm start tree while 8 clips generate: after npm start again, all 8 succeed, each sent once', async () => {
  for (let i = 0; i < CLIPS; i++) {
    const response = await fetch(`${studioUrl}/api/generations`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: `killed with the whole tree ${i}`, seed: 200 + i }),
    });
    expect(response.status).toBe(201);
  }
  await expect
    .poll(() => rows().filter((row) => row.task_id !== null && ['pending', 'processing'].includes(row.state)).length, { intervals: [100] })
    .toBe(CLIPS);
  const taskIds = rows().map((row) => row.task_id);

  expect(await signalGroup('SIGKILL', 10_000)).toBe(true);
  expect(rows().every((row) => row.state === 'pending' || row.state === 'processing')).toBe(true);
  await npmStart();

  await expect
    .poll(() => rows().filter((row) => row.state === 'success' && row.archive_sha256 !== null).length, { timeout: 90_000, intervals: [500] })
    .toBe(CLIPS);
  const all = rows();
  expect(all.filter((row) => row.state === 'failed')).toEqual([]);
  expect(all.map((row) => row.task_id).sort()).toEqual([...taskIds].sort());
  for (const row of all) {
    const [url] = JSON.parse(row.result_urls ?? '[]') as string[];
    const upstream = Buffer.from(await (await fetch(url ?? '')).arrayBuffer());
    const archived = fs.readFileSync(path.join(env.DATA_DIR, 'videos', row.archive_path ?? ''));
    expect(crypto.createHash('sha256').update(upstream).digest('hex')).toBe(row.archive_sha256);
    expect(archived.equals(upstream)).toBe(true);
  }
  expect((await getStats(emulatorUrl)).tasksCreated).toBe(CLIPS);
});
