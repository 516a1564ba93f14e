// The export as a person gets it: a real production studio, signed in over HTTP, POST /api/gallery/export
// for 16 archived clips totalling ~2 GB (sparse files), the zip read to the end. Prints throughput and the
// studio process tree's resident memory while it streams (sampled every 50 ms), then checks the zip.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createUser, processTreeUsage, signIn, startHarness } from './studio-harness';

const MiB = 1024 * 1024;
const TOTAL_MB = Number(process.env.BENCH_EXPORT_MB ?? 2048);
const FILES = 16;
const HEAD_BYTES = 64 * 1024;

const harness = await startHarness({ dir: '.bench/export-route', studioPort: 3240, emulatorPort: 8798, timeScale: 1 });
try {
  const email = 'exporter@example.test';
  await createUser(harness.dataDir, email, 'correct horse battery');
  const cookie = await signIn(harness.studioUrl, email, 'correct horse battery');

  // Archived clips as the archiver leaves them: a row per clip and its file under DATA_DIR/videos.
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(harness.dataDir, 'studio.db'));
  const { team_id: teamId, user_id: userId } = db.prepare('select team_id, user_id from memberships limit 1').get() as { team_id: string; user_id: string };
  const videos = path.join(harness.dataDir, 'videos');
  fs.mkdirSync(videos, { recursive: true });
  const each = Math.floor((TOTAL_MB * MiB) / FILES);
  const ids: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const id = crypto.randomUUID();
    const file = path.join(videos, `${id}.mp4`);
    const head = crypto.randomBytes(HEAD_BYTES);
    head.write('ftypisom', 4); // a real MP4's first box, as the archive checks
    fs.writeFileSync(file, head);
    fs.truncateSync(file, each);
    db.prepare(
      `insert into generations (id, team_id, user_id, mode, prompt, seed, resolution, aspect_ratio, duration, enable_prompt_expansion,
        provider, request_type, state, archive_path, archive_sha256, archive_bytes, archived_at, stack_key)
       values (?, ?, ?, 'text-to-video', ?, ?, '1080p', '16:9', 10, 1, 'auto', 'async', 'success', ?, ?, ?, ?, ?)`,
    ).run(id, teamId, userId, `bench clip ${i}`, i, `${id}.mp4`, 'f'.repeat(64), each, Date.now(), `recipe:bench-${i}`);
    ids.push(id);
  }
  db.close();

  const baseline = processTreeUsage(harness.studio.pid ?? 0).rssBytes;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, processTreeUsage(harness.studio.pid ?? 0).rssBytes);
  }, 50);
  const zipFile = path.join('.bench/export-route', 'export.zip');
  const out = fs.openSync(zipFile, 'w');
  const zero = Buffer.alloc(MiB);
  const started = performance.now();
  let bytes = 0;
  try {
    const response = await fetch(`${harness.studioUrl}/api/gallery/export`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: harness.studioUrl },
      body: new URLSearchParams({ ids: ids.join(',') }),
    });
    if (response.status !== 200 || !response.body) throw new Error(`export answered HTTP ${response.status}`);
    for await (const chunk of response.body) {
      const view = Buffer.from(chunk);
      // Only non-zero chunks are written: the holes stay holes, so 2 GB fit on any disk.
      if (view.length > zero.length || !view.equals(zero.subarray(0, view.length))) fs.writeSync(out, view, 0, view.length, bytes);
      bytes += view.length;
    }
    fs.ftruncateSync(out, bytes);
  } finally {
    clearInterval(sampler);
    fs.closeSync(out);
  }
  const seconds = (performance.now() - started) / 1000;
  const listing = execFileSync('unzip', ['-l', zipFile], { encoding: 'utf8' });
  const entries = [...listing.matchAll(/^\s*\d+\s+\S+\s+\S+\s+(\S+)$/gm)].length;

  console.log('\nbench:export (route) — POST /api/gallery/export on a production studio, 2 cores');
  console.log('| metric | value |\n|---|---|');
  console.log(`| clips | ${FILES} × ${(each / MiB).toFixed(0)} MiB |`);
  console.log(`| zip received | ${(bytes / MiB).toFixed(1)} MiB in ${seconds.toFixed(2)} s (${(bytes / MiB / seconds).toFixed(0)} MiB/s) |`);
  console.log(`| studio RSS (process tree) | ${(baseline / MiB).toFixed(0)} MiB before, ${(peak / MiB).toFixed(0)} MiB peak while streaming (+${((peak - baseline) / MiB).toFixed(0)} MiB) |`);
  console.log(`| check | unzip -l: ${entries} entries (recipes.json + ${FILES} videos) |`);
  if (entries !== FILES + 1) throw new Error('the zip does not list every clip');
} finally {
  await harness.stop();
  fs.rmSync('.bench/export-route', { recursive: true, force: true });
}
