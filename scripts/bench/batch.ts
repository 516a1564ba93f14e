// A 500-row batch as a person makes one: a real production studio signed in over HTTP, a 500-row CSV (every
// row its own prompt, resolution, duration and seed) sent to the preview, then to the start, until every row
// is stored as a queued clip. Prints the time of each step and the studio process tree's peak resident memory
// (sampled every 20 ms), then checks the database holds the 500 rows of the batch, in order.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createUser, processTreeUsage, signIn, startHarness } from './studio-harness';

const ROWS = 500;
const RUNS = Number(process.env.BENCH_BATCH_RUNS ?? 3);
const MiB = 1024 * 1024;

const csv = [
  'shot,prompt,negative_prompt,resolution,duration,seed,enable_prompt_expansion',
  ...Array.from({ length: ROWS }, (_, i) => {
    const prompt = `Shot ${i + 1}: a lighthouse on a cliff at dawn, waves below, slow dolly in, "golden" light, ${'mist drifting over the sea, '.repeat(8)}`;
    return `${i + 1},"${prompt.replace(/"/g, '""')}",blurry,${i % 3 === 0 ? '1080p' : '720p'},${i % 2 ? 10 : 5},${i},${i % 4 ? 'yes' : 'no'}`;
  }),
].join('\n');

// Limits high enough for 3 × 500 clips; one upstream slot, so the dispatcher barely competes with storing.
const harness = await startHarness({
  dir: '.bench/batch',
  studioPort: 3243,
  emulatorPort: 8801,
  timeScale: 1,
  quiet: true,
  env: { HOURLY_QUOTA: '100000', SWEEP_BUDGET_CENTS: '10000000', PERSON_DAILY_BUDGET_CENTS: '100000000', STUDIO_DAILY_BUDGET_CENTS: '100000000', WAN_MAX_CONCURRENT_TASKS: '1' },
});
try {
  const email = 'batcher@example.test';
  await createUser(harness.dataDir, email, 'correct horse battery');
  const cookie = await signIn(harness.studioUrl, email, 'correct horse battery');
  const headers = { cookie, 'content-type': 'text/csv', origin: harness.studioUrl };
  const query = 'format=csv&resolution=720p&duration=5';

  const pid = harness.studio.pid ?? 0;
  const baseline = processTreeUsage(pid).rssBytes;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, processTreeUsage(pid).rssBytes)), 20);
  const runs: { preview: number; start: number; total: number }[] = [];
  const batchIds: string[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const preview = await fetch(`${harness.studioUrl}/api/batches/preview?${query}`, { method: 'POST', headers, body: csv });
      const previewed = (await preview.json()) as { rows: unknown[]; invalid: number; refusal: string | null; error?: string };
      if (preview.status !== 200 || previewed.rows.length !== ROWS || previewed.invalid || previewed.refusal) throw new Error(`preview: HTTP ${preview.status} ${previewed.error ?? previewed.refusal ?? ''}`);
      const t1 = performance.now();
      const start = await fetch(`${harness.studioUrl}/api/batches?${query}`, { method: 'POST', headers, body: csv });
      const started = (await start.json()) as { batchId: string; clips: number; error?: string };
      if (start.status !== 201 || started.clips !== ROWS) throw new Error(`start: HTTP ${start.status} ${started.error ?? ''}`);
      const t2 = performance.now();
      runs.push({ preview: t1 - t0, start: t2 - t1, total: t2 - t0 });
      batchIds.push(started.batchId);
    }
  } finally {
    clearInterval(sampler);
  }

  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(harness.dataDir, 'studio.db'), { readonly: true });
  for (const batchId of batchIds) {
    const rows = db.prepare("select batch_row as row, resolution, duration, seed from generations where batch_id = ? order by batch_row").all(batchId) as { row: number; resolution: string; duration: number; seed: number }[];
    const right = rows.length === ROWS && rows.every((r, i) => r.row === i + 1 && r.seed === i && r.duration === (i % 2 ? 10 : 5) && r.resolution === (i % 3 === 0 ? '1080p' : '720p'));
    if (!right) throw new Error(`batch ${batchId}: ${rows.length} rows stored, not the ${ROWS} of the file in order`);
  }
  db.close();

  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  console.log(`\nbench:batch — a ${ROWS}-row CSV (${(Buffer.byteLength(csv) / 1024).toFixed(0)} KB) on a production studio over HTTP, 2 cores, ${RUNS} runs`);
  console.log('| step | median | worst |\n|---|---|---|');
  for (const step of ['preview', 'start', 'total'] as const) {
    const values = runs.map((r) => r[step]);
    console.log(`| ${step === 'preview' ? 'preview (read, check 500 rows, price, limits)' : step === 'start' ? 'start (read again, check, store 500 rows in one transaction)' : 'paste to all rows stored'} | ${ms(median(values))} | ${ms(Math.max(...values))} |`);
  }
  console.log(`| studio RSS before | ${(baseline / MiB).toFixed(0)} MiB | |`);
  console.log(`| studio RSS peak | ${(peak / MiB).toFixed(0)} MiB | +${((peak - baseline) / MiB).toFixed(0)} MiB |`);
  console.log(`| rows stored, in order | ${batchIds.length} × ${ROWS} | checked |`);
} finally {
  await harness.stop();
}
