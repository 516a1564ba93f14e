import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { getStats } from '../emulator/admin-client';
import { createUser, killHard, signIn, startHarness, type Harness } from '../scripts/bench/studio-harness';

// kill -9 the studio at the worst moments, restart it, and check that nothing was lost or doubled:
// every generation ends, every success has a complete archive identical to the service's file,
// and the service saw exactly one task per generation.

test.describe.configure({ mode: 'serial', timeout: 240_000 });

const SCALE = 0.05;
let harness: Harness;
let cookie = '';

type Row = { id: string; state: string; task_id: string | null; result_urls: string | null; archive_path: string | null; archive_sha256: string | null; archive_bytes: number | null };

function rows(): Row[] {
  const db = new Database(path.join(harness.dataDir, 'studio.db'), { readonly: true });
  try {
    return db.prepare('select id, state, task_id, result_urls, archive_path, archive_sha256, archive_bytes from generations').all() as Row[];
  } finally {
    db.close();
  }
}

async function submit(prompt: string, seed: number): Promise<Response> {
  return fetch(`${harness.studioUrl}/api/generations`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt, seed }),
  });
}

async function restart(extraEnv: Record<string, string> = {}) {
  await harness.startStudio(extraEnv);
}

test.beforeAll(async () => {
  harness = await startHarness({
    dir: '.e2e/crash',
    studioPort: 3220,
    emulatorPort: 8792,
    timeScale: SCALE,
    env: { WAN_REQUEST_TIMEOUT_MS: '2000' },
  });
  await createUser(harness.dataDir, 'crash@example.test', 'crash-password');
  cookie = await signIn(harness.studioUrl, 'crash@example.test', 'crash-password');
});
test.afterAll(async () => {
  await harness?.stop();
});

test('a crash just after the request was stored: it is sent after the restart, once', async () => {
  await killHard(harness.studio);
  await restart({ STUDIO_CRASH_POINT: 'after-insert' });
  const exited = new Promise((resolve) => harness.studio.once('exit', resolve));
  await expect(submit('stored, then the power went out', 1)).rejects.toThrow();
  await exited;
  expect(rows().map((r) => r.state)).toEqual(['queued']);

  await restart();
  await expect.poll(() => rows()[0]?.state, { timeout: 30_000 }).toMatch(/pending|processing|success/);
});

test('a crash while tasks are processing: the tracker resumes them all', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const response = await submit(`crash while processing ${i}`, 10 + i);
    expect(response.status).toBe(201);
    ids.push(((await response.json()) as { id: string }).id);
  }
  // Generate answers once the clip is stored; wait until these four are sent (a send cut short would be, honestly, unknown).
  await expect.poll(() => rows().filter((r) => ids.includes(r.id) && (r.state === 'pending' || r.state === 'processing')).length).toBe(4);
  await killHard(harness.studio);
  await restart();
});

test('a crash in the middle of an archive download, then every clip is complete and identical', async () => {
  await killHard(harness.studio);
  // The sweeper may reach a finished clip's archive before the first page is served: do not wait for one.
  const crashing = await harness.startStudio({ STUDIO_CRASH_POINT: 'mid-archive' }, { ready: false });
  await new Promise((resolve) => crashing.once('exit', resolve)); // the first archive write kills it
  const videos = path.join(harness.dataDir, 'videos');
  expect(fs.readdirSync(videos).some((name) => name.endsWith('.part'))).toBe(true);

  await restart();
  await expect
    .poll(() => rows().every((r) => r.state === 'success' && r.archive_sha256 !== null), { timeout: 90_000, intervals: [500] })
    .toBe(true);

  const all = rows();
  expect(all).toHaveLength(5);
  for (const row of all) {
    const [url] = JSON.parse(row.result_urls ?? '[]') as string[];
    const upstream = Buffer.from(await (await fetch(url ?? '')).arrayBuffer());
    const archived = fs.readFileSync(path.join(videos, row.archive_path ?? ''));
    expect(crypto.createHash('sha256').update(upstream).digest('hex')).toBe(row.archive_sha256);
    expect(archived.equals(upstream)).toBe(true);
    expect(row.archive_bytes).toBe(upstream.length);
  }
  expect(fs.readdirSync(videos).filter((name) => name.endsWith('.part'))).toEqual([]);
  const stats = await getStats(harness.emulatorUrl);
  expect(stats.tasksCreated).toBe(5);
  expect(new Set(all.map((r) => r.task_id)).size).toBe(5);
});
