// npm run bench:gallery — the gallery's queries on 100 000 generations (20 authors), server-side times
// p50/p95 and each query's plan; then the real pages over HTTP on a production build of that database.
// Run with the react-server condition so server-only modules load here.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import bcrypt from 'bcryptjs';
import { benchGalleryHttp, printHttpRows } from './gallery-http';

const N = Number(process.env.BENCH_GENERATIONS ?? 100_000);
const RUNS = 200;
const dir = path.resolve('.bench/gallery');
fs.rmSync(dir, { recursive: true, force: true });
// Where the studio harness keeps its database, so `next start` can open this one afterwards.
process.env.DATA_DIR = path.join(dir, 'data');
const member = { email: 'bench-member@example.test', password: 'correct horse battery' };

const { getDb } = await import('../../db/index');
const { listGallery, galleryQuery, countStacks, stackCountQuery, listStack, stackQuery, sweepQuery } = await import('../../db/queries/gallery');
const { getGenerationById } = await import('../../db/queries/generations');

const subjects = ['a red fox', 'an old lighthouse', 'a paper boat', 'a neon city', 'a quiet forest', 'a desert caravan', 'a koi pond', 'a mountain train', 'an astronaut', 'a jazz club', 'a hummingbird', 'a glass whale', 'an origami crane', 'a street market', 'a snow leopard'];
const actions = ['drifting through', 'walking across', 'glowing inside', 'circling above', 'hiding beneath', 'dancing around', 'racing past', 'sleeping near'];
const places = ['a rain-soaked street', 'golden wheat fields', 'a frozen lake', 'a crowded harbour', 'ancient ruins', 'a misty canyon', 'a rooftop garden', 'the northern lights'];
const styles = ['cinematic lighting', 'slow dolly shot', 'shot on 35mm film', 'watercolor style', 'macro lens', 'drone footage', 'soft morning light', 'high contrast noir'];
const pick = <T,>(list: readonly T[], i: number): T => list[i % list.length] as T;

function seed() {
  const db = getDb();
  const sqlite = db.$client;
  const teamId = 'team-bench';
  const now = Date.now();
  sqlite.transaction(() => {
    sqlite.prepare("insert into teams (id, name, personal) values (?, 'Bench studio', 0)").run(teamId);
    for (let a = 0; a < 20; a++) {
      sqlite.prepare('insert into users (id, email, name, password_hash) values (?, ?, ?, ?)').run(`user-${a}`, `author${a}@example.test`, `Author ${a}`, 'x');
      sqlite.prepare("insert into memberships (team_id, user_id, role) values (?, ?, 'editor')").run(teamId, `user-${a}`);
    }
    // The member the HTTP half signs in as: only in this team, so it is their current one.
    sqlite.prepare("insert into users (id, email, name, password_hash) values ('user-member', ?, 'Member', ?)").run(member.email, bcrypt.hashSync(member.password, 10));
    sqlite.prepare("insert into memberships (team_id, user_id, role) values (?, 'user-member', 'owner')").run(teamId);
    const insert = sqlite.prepare(
      `insert into generations (id, team_id, user_id, mode, prompt, negative_prompt, seed, resolution, aspect_ratio, duration,
        enable_prompt_expansion, provider, request_type, state, favorite, created_at, stack_key, deleted_at, archive_path, archived_at)
       values (?, ?, ?, 'text-to-video', ?, ?, ?, ?, ?, ?, 1, 'auto', 'async', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const tag = sqlite.prepare('insert into generation_tags (generation_id, team_id, tag) values (?, ?, ?)');
    for (let i = 0; i < N; i++) {
      // A few rare words, so a rare search has a handful of hits.
      const rare = i % 9_973 === 0 ? ' with a zeppelin' : '';
      const prompt = `${pick(subjects, i * 7)} ${pick(actions, i * 3)} ${pick(places, i * 11)}, ${pick(styles, i * 5)}${rare}`;
      insert.run(
        `gen-${String(i).padStart(6, '0')}`,
        teamId,
        `user-${i % 20}`,
        prompt,
        i % 6 === 0 ? 'blurry, watermark' : null,
        i,
        i % 3 === 0 ? '1080p' : '720p',
        pick(['16:9', '9:16', '1:1'], i),
        i % 4 === 0 ? 10 : 5,
        i % 17 === 0 ? 'failed' : 'success',
        i % 9 === 0 ? 1 : 0,
        now - (N - i) * 60_000, // one a minute, over ~70 days
        `recipe:${Math.floor(i / 4)}`, // people iterate: runs of 4 seeds of one request stack together
        i % 50 === 0 ? now : null, // 2 % in the trash
        // Saved copies (never read here): the server's archiver then has nothing to fetch while we time it.
        i % 17 === 0 ? null : `bench/${i}.mp4`,
        i % 17 === 0 ? null : now - (N - i) * 60_000,
      );
      if (i % 10 === 0) tag.run(`gen-${String(i).padStart(6, '0')}`, teamId, pick(['client-a', 'final', 'b-roll', 'hero'], i / 10));
    }
  })();
  sqlite.pragma('optimize');
  return teamId;
}

async function time(run: () => unknown): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(RUNS * 0.5)] ?? 0, p95: samples[Math.floor(RUNS * 0.95)] ?? 0 };
}

const seedStart = performance.now();
const teamId = seed();
console.log(`seeded ${N} generations in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

const deep = getDb().$client.prepare('select created_at, id from generations order by created_at desc, id desc limit 1 offset ?').get(Math.floor(N * 0.8)) as { created_at: number; id: string };
const cases = [
  { name: 'first page (48)', params: { teamId, limit: 48 } },
  { name: 'deep cursor page (80 % down)', params: { teamId, limit: 48, cursor: { createdAt: deep.created_at, id: deep.id } } },
  { name: 'filtered: 1080p + success + author', params: { teamId, limit: 48, filters: { resolution: '1080p' as const, states: ['success' as const], authorId: 'user-7' } } },
  { name: 'search, common word ("light")', params: { teamId, limit: 48, filters: { q: 'light' } } },
  { name: 'search, rare word ("zeppelin")', params: { teamId, limit: 48, filters: { q: 'zeppelin' } } },
  { name: 'tag filter ("hero")', params: { teamId, limit: 48, filters: { tag: 'hero' } } },
  { name: 'trash', params: { teamId, limit: 48, filters: { deleted: true } } },
];

const rows: string[] = [];
const plans: string[] = [];
for (const c of cases) {
  // What a page costs: the rows, then the size of each stack among them.
  const { p50, p95 } = await time(async () => {
    const page = await listGallery(c.params);
    if (c.params.filters?.deleted) return; // the trash lists clips one by one
    await countStacks({ teamId, filters: c.params.filters, stackKeys: [...new Set(page.items.map((item) => item.stackKey))] });
  });
  const hits = (await listGallery(c.params)).items.length;
  rows.push(`${c.name.padEnd(40)} ${p50.toFixed(2).padStart(7)} ms ${p95.toFixed(2).padStart(7)} ms   ${hits} rows`);
  const { sql, params } = galleryQuery({ ...c.params, limit: 49 }).toSQL();
  const plan = getDb().$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  plans.push(`${c.name}:\n${plan.map((step) => `    ${step.detail}`).join('\n')}`);
  const firstPage = await listGallery(c.params);
  if (c.params.filters?.deleted) continue;
  const stacks = stackCountQuery({ teamId, filters: c.params.filters, stackKeys: [...new Set(firstPage.items.map((item) => item.stackKey))] }).toSQL();
  const stackPlan = getDb().$client.prepare(`EXPLAIN QUERY PLAN ${stacks.sql}`).all(...stacks.params) as { detail: string }[];
  plans.push(`${c.name} — stack sizes:\n${stackPlan.map((step) => `    ${step.detail}`).join('\n')}`);
}
// Opening a stack (its clips, by key) and a sweep's share link (its clips, by sweep).
const opened = await time(() => listStack({ teamId, stackKey: 'recipe:12345', limit: 64 }));
rows.push(`${'open a stack (by key)'.padEnd(40)} ${opened.p50.toFixed(2).padStart(7)} ms ${opened.p95.toFixed(2).padStart(7)} ms   4 rows`);
for (const [name, query] of [
  ['open a stack', stackQuery({ teamId, stackKey: 'recipe:12345', limit: 64 }).toSQL()],
  ['a sweep (share link)', sweepQuery({ teamId, sweepId: 'sweep-bench', limit: 32 }).toSQL()],
] as const) {
  const plan = getDb().$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[];
  plans.push(`${name}:\n${plan.map((step) => `    ${step.detail}`).join('\n')}`);
}
const detail = await time(() => getGenerationById({ id: 'gen-050000', teamId }));
rows.push(`${'detail page (by id)'.padEnd(40)} ${detail.p50.toFixed(2).padStart(7)} ms ${detail.p95.toFixed(2).padStart(7)} ms   1 row`);

console.log(`\nbench:gallery — ${N} generations, 20 authors, ${RUNS} runs each, 2 cores (server-side query time)`);
console.log(`${'query'.padEnd(40)} ${'p50'.padStart(10)} ${'p95'.padStart(10)}`);
for (const row of rows) console.log(row);
console.log('\nquery plans (EXPLAIN QUERY PLAN):');
for (const plan of plans) console.log(plan);
// A full scan of the table itself; the FTS index's own lookup shows as SCAN generations_fts VIRTUAL TABLE.
const fullScans = plans.filter((plan) => /SCAN generations(?!_fts)(?! USING)/.test(plan));
console.log(fullScans.length === 0 ? '\nno full table scan in any plan' : `\nFULL SCAN in: ${fullScans.map((p) => p.split(':')[0]).join(', ')}`);
console.log('target: every p95 < 50 ms');

getDb().$client.close();
const httpRuns = Number(process.env.BENCH_HTTP_RUNS ?? 100);
printHttpRows(await benchGalleryHttp({ dir, ...member, runs: httpRuns }), httpRuns);
