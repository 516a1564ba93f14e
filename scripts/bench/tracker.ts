// npm run bench:tracker — the task tracker under load, against a real emulator and a production studio.
// Submits N generations (default 1 000, the service's concurrency cap) with W watchers each (default 3)
// long-polling like browser tabs, first in polling mode, then in webhook mode, and prints one table.
import path from 'node:path';
import Database from 'better-sqlite3';
import { getStats, resetEmulator } from '../../emulator/admin-client';
import { createUser, percentile, processTreeUsage, signIn, startHarness } from './studio-harness';

const N = Number(process.env.BENCH_GENERATIONS ?? 1_000);
const WATCHERS = Number(process.env.BENCH_WATCHERS ?? 3);
// 1 = the documented timings; the whole run still takes under 5 minutes. Lower values compress the
// schedule (and so crowd every completion into a shorter burst): BENCH_TIME_SCALE=0.2.
const SCALE = Number(process.env.BENCH_TIME_SCALE ?? 1);
const NEXT_POLL_MS = 100;
const TAB_CLIPS = 50; // clips per watcher tab: the watch route's limit
const DISTINCT_SEEDS = 20; // the emulator renders each distinct request once; the rest come from its cache
const FIRST_POLL_MS = 50_000;
const INTERVAL_MS = 5_000;

type View = { id: string; state: string; version: string; archived: boolean };
type Watch = { firstSuccessAt?: number };

async function main() {
  const harness = await startHarness({
    dir: '.bench/tracker',
    studioPort: 3210,
    emulatorPort: 8791,
    timeScale: SCALE,
    // One bench user starts 1 000 clips at once: far beyond a member's default hourly limit and daily budget.
    env: { WAN_MAX_CONCURRENT_TASKS: '1000', HOURLY_QUOTA: '100000', PERSON_DAILY_BUDGET_CENTS: '10000000', STUDIO_DAILY_BUDGET_CENTS: '10000000' },
    nodeArgs: [
      ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []),
    ],
  });
  const rows: string[][] = [];
  let tabCount = 0;
  try {
    await createUser(harness.dataDir, 'bench@example.test', 'bench-password');
    const cookie = await signIn(harness.studioUrl, 'bench@example.test', 'bench-password');
    const studioPid = harness.studio.pid ?? 0;
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, processTreeUsage(studioPid).rssBytes)), 250);

    for (const mode of ['async', 'callback'] as const) {
      await resetEmulator(harness.emulatorUrl);
      const cpuBefore = processTreeUsage(studioPid).cpuSeconds;
      const emulatorCpuBefore = processTreeUsage(harness.emulator.pid ?? 0).cpuSeconds;
      const benchCpuBefore = process.cpuUsage();
      const started = Date.now();
      const result = await runPhase(harness.studioUrl, cookie, mode);
      const elapsed = (Date.now() - started) / 1000;
      const cpu = processTreeUsage(studioPid).cpuSeconds - cpuBefore;
      const emulatorCpu = processTreeUsage(harness.emulator.pid ?? 0).cpuSeconds - emulatorCpuBefore;
      const benchCpu = process.cpuUsage(benchCpuBefore);
      const stats = await getStats(harness.emulatorUrl);
      const db = new Database(path.join(harness.dataDir, 'studio.db'), { readonly: true });
      const generations = db
        .prepare(
          `select id, poll_count, submitted_at, completed_at, api_complete_time, archive_bytes, archived_at
           from generations where request_type = ? and state = 'success'`,
        )
        .all(mode) as { id: string; poll_count: number; submitted_at: number; completed_at: number; api_complete_time: number; archive_bytes: number; archived_at: number }[];
      db.close();

      const minimum = (g: (typeof generations)[number]) => {
        if (mode === 'callback') return 0;
        const firstDue = g.submitted_at + FIRST_POLL_MS * SCALE;
        return 1 + Math.max(0, Math.ceil((g.api_complete_time - firstDue) / (INTERVAL_MS * SCALE)));
      };
      const extra = generations.map((g) => g.poll_count - minimum(g));
      const calls = generations.map((g) => g.poll_count);
      const serverLag = generations.map((g) => g.completed_at - g.api_complete_time);
      const watcherLag = generations.flatMap((g) => result.watches.get(g.id)?.map((w) => (w.firstSuccessAt ?? Infinity) - g.completed_at) ?? []);
      const upstreamToWatcher = generations.flatMap((g) => result.watches.get(g.id)?.map((w) => (w.firstSuccessAt ?? Infinity) - g.api_complete_time) ?? []);
      const archived = generations.filter((g) => g.archived_at);
      const archiveSpan = (Math.max(...archived.map((g) => g.archived_at)) - Math.min(...archived.map((g) => g.completed_at))) / 1000;
      const archiveMb = archived.reduce((sum, g) => sum + g.archive_bytes, 0) / 1024 / 1024;
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
      const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'never');

      rows.push([
        mode === 'async' ? 'polling' : 'webhook',
        `${generations.length}/${N}`,
        `${mean(calls).toFixed(2)} / ${Math.max(...calls)}`,
        `${mean(extra).toFixed(2)} / ${Math.max(...extra)}`,
        (stats.statusCalls / Math.max(1, generations.length)).toFixed(2),
        `${ms(percentile(serverLag, 50))} / ${ms(percentile(serverLag, 95))}`,
        `${ms(percentile(watcherLag, 50))} / ${ms(percentile(watcherLag, 95))}`,
        `${ms(percentile(upstreamToWatcher, 50))} / ${ms(percentile(upstreamToWatcher, 95))}`,
        String(stats.responsesByStatus['429'] ?? 0),
        `${cpu.toFixed(1)} s in ${elapsed.toFixed(0)} s`,
        `${emulatorCpu.toFixed(1)} s / ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)} s`,
        `${(archiveMb / archiveSpan).toFixed(1)} MB/s, ${(archived.length / archiveSpan).toFixed(0)} clips/s`,
      ]);
      if (result.failures.length) console.log(`${mode}: ${result.failures.length} watcher tabs failed: ${result.failures.slice(0, 5).join(', ')}`);
      tabCount = result.tabs;
    }
    clearInterval(sampler);

    const header = [
      'mode',
      'succeeded',
      'polls/task mean / max',
      'above schedule minimum mean / max',
      // Polls plus, in webhook mode, the one call that confirms each reported success.
      'service status calls/task (all)',
      'upstream→server p50 / p95',
      'server→watcher p50 / p95',
      'upstream→watcher p50 / p95',
      '429s',
      'studio CPU',
      'emulator / load driver CPU',
      'archive throughput',
    ];
    console.log(`\nbench:tracker — ${N} generations × ${WATCHERS} watchers each (${tabCount} tabs of ≤ ${TAB_CLIPS} clips, one long poll per tab), time scale ${SCALE}, 2 cores`);
    for (const [i, title] of header.entries()) {
      console.log(`${title.padEnd(36)} ${rows.map((row) => (row[i] ?? '').padEnd(28)).join('')}`);
    }
    console.log(`${'studio peak RSS (process tree)'.padEnd(36)} ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
    console.log('targets: calls ≤ minimum + 1; server→watcher p95 ≤ 2 s; upstream→watcher p95 ≤ 1 s (webhook); 0 × 429; RSS < 400 MB');
  } finally {
    await harness.stop();
  }
}

async function runPhase(studioUrl: string, cookie: string, requestType: 'async' | 'callback') {
  const headers = { cookie, 'content-type': 'application/json' };
  const views: View[] = [];
  // Submit in parallel batches, as a busy team would.
  for (let i = 0; i < N; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, N - i) }, async (_, j) => {
        const response = await fetch(`${studioUrl}/api/generations`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ prompt: `bench clip ${(i + j) % DISTINCT_SEEDS}`, seed: (i + j) % DISTINCT_SEEDS, requestType }),
        });
        if (response.status !== 201) throw new Error(`submit answered ${response.status}: ${await response.text()}`);
        return (await response.json()) as View;
      }),
    );
    views.push(...batch);
  }

  // Like the browser: each tab holds one long poll for all the clips it shows (at most 50).
  // Every clip is watched by WATCHERS tabs.
  const watches = new Map<string, Watch[]>(views.map((view) => [view.id, []]));
  const failures: string[] = [];
  const tabs: Promise<void>[] = [];
  for (let i = 0; i < views.length; i += TAB_CLIPS) {
    const clips = views.slice(i, i + TAB_CLIPS);
    for (let w = 0; w < WATCHERS; w++) {
      const tab = new Map(clips.map((view) => [view.id, { version: view.version, watch: {} as Watch }]));
      for (const [id, entry] of tab) watches.get(id)?.push(entry.watch);
      tabs.push(watchTab(studioUrl, cookie, tab).catch((error: unknown) => void failures.push(String(error))));
    }
  }
  await Promise.all(tabs);
  return { watches, failures, tabs: tabs.length };
}

/** One browser tab: long polls until every clip it shows is finished and archived. */
async function watchTab(studioUrl: string, cookie: string, tab: Map<string, { version: string; watch: Watch }>): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  while (tab.size > 0 && Date.now() < deadline) {
    const w = [...tab].map(([id, entry]) => `${id}~${entry.version}`).join(',');
    const response = await fetch(`${studioUrl}/api/generations/watch?w=${encodeURIComponent(w)}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`watch answered ${response.status}`);
    const { views } = (await response.json()) as { views: View[] };
    const at = Date.now();
    for (const view of views) {
      const entry = tab.get(view.id);
      if (!entry) continue;
      entry.version = view.version;
      if (view.state === 'success') entry.watch.firstSuccessAt ??= at;
      if ((view.state === 'success' && view.archived) || ['failed', 'unknown', 'cancelled'].includes(view.state)) tab.delete(view.id);
    }
    await new Promise((resolve) => setTimeout(resolve, NEXT_POLL_MS)); // the browser's gap between long polls
  }
  if (tab.size > 0) throw new Error(`${tab.size} clips still not finished after 10 minutes`);
}

await main();
