// tsx --conditions=react-server scripts/bench/usage.ts — the usage report on 100 000 generations of one team
// (90 days, 20 authors) plus 100 000 of another team: p50/p95 of each period and scope, and every query's plan.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const N = Number(process.env.BENCH_GENERATIONS ?? 100_000);
const RUNS = 40;
const dir = path.resolve('.bench/usage');
fs.rmSync(dir, { recursive: true, force: true });
process.env.DATA_DIR = dir;

const { getDb } = await import('../../db/index');
const { loadUsage } = await import('../../lib/usage/load-usage');
const states = ['success', 'success', 'success', 'success', 'success', 'success', 'failed', 'cancelled', 'unknown', 'processing'];
const codes = ['CONTENT_VIOLATION', 'PROCESSING_TIMEOUT', 'GENERATION_FAILED'];

const now = Date.now();
function seed() {
  const sqlite = getDb().$client;
  sqlite.transaction(() => {
    for (const teamId of ['team-bench', 'team-other']) {
      sqlite.prepare("insert into teams (id, name, personal) values (?, ?, 0)").run(teamId, teamId);
      for (let a = 0; a < 20; a++) {
        const userId = `${teamId}-user-${a}`;
        sqlite.prepare('insert into users (id, email, name, password_hash) values (?, ?, ?, ?)').run(userId, `${userId}@example.test`, `Author ${a}`, 'x');
        sqlite.prepare("insert into memberships (team_id, user_id, role) values (?, ?, 'editor')").run(teamId, userId);
      }
      const insert = sqlite.prepare(
        `insert into generations (id, team_id, user_id, mode, prompt, seed, resolution, aspect_ratio, duration, enable_prompt_expansion,
          provider, request_type, state, fail_code, task_id, cost_cents, created_at, completed_at)
         values (?, ?, ?, 'text-to-video', 'a bench clip', ?, '720p', '16:9', 5, 1, 'auto', 'async', ?, ?, ?, 50, ?, ?)`,
      );
      for (let i = 0; i < N; i++) {
        const state = states[i % states.length] ?? 'success';
        const created = now - Math.floor((i / N) * 90 * 86_400_000);
        insert.run(`${teamId}-${i}`, teamId, `${teamId}-user-${i % 20}`, i, state, state === 'failed' ? codes[i % 3] : null, `${teamId}-task-${i}`, created, state === 'success' ? created + 40_000 + (i % 97) * 1000 : null);
      }
    }
  })();
  sqlite.exec('analyze');
}

seed();
const plans = getDb().$client;
// The plans of the report's statements, captured by running each once with EXPLAIN QUERY PLAN through a wrapped prepare.
const original = plans.prepare.bind(plans);
const seen: string[] = [];
plans.prepare = ((source: string) => {
  if (/from "?generations"?|generations g/.test(source) && !seen.includes(source)) seen.push(source);
  return original(source);
}) as typeof plans.prepare;
await loadUsage({ teamId: 'team-bench', userId: 'team-bench-user-3', query: { period: 90, scope: 'team', tz: 'Europe/Paris' }, now: new Date(now) });
await loadUsage({ teamId: 'team-bench', userId: 'team-bench-user-3', query: { period: 90, scope: 'me', tz: 'Europe/Paris' }, now: new Date(now) });
plans.prepare = original;
for (const source of seen) {
  const params = (source.match(/\?/g) ?? []).map(() => 0);
  const plan = original(`explain query plan ${source}`).all(...params) as { detail: string }[];
  console.log(`\n${source.replace(/\s+/g, ' ').slice(0, 110)}…\n${plan.map((row) => `  ${row.detail}`).join('\n')}`);
}

console.log(`\n| period | scope | p50 ms | p95 ms |\n|---|---|---|---|`);
for (const period of [7, 30, 90] as const) {
  for (const scope of ['me', 'team'] as const) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await loadUsage({ teamId: 'team-bench', userId: 'team-bench-user-3', query: { period, scope, tz: 'America/New_York' }, now: new Date(now) });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
    console.log(`| ${period} | ${scope} | ${at(0.5)} | ${at(0.95)} |`);
  }
}
