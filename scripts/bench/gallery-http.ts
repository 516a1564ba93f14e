// The gallery over HTTP: a production `next start` on the benchmark's database, signed in as a member of its
// team. Times what a person waits for: the page's first byte and its whole HTML, the next page, a search.
import { performance } from 'node:perf_hooks';
import { freePort, percentile, signIn, startHarness } from './studio-harness';

type Sample = { first: number; full: number };
export type HttpRow = { name: string; first: { p50: number; p95: number }; full: { p50: number; p95: number }; bytes: number };

async function timed(url: string, cookie: string): Promise<Sample & { body: string }> {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const first = performance.now() - start;
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status} ${body.slice(0, 200)}`);
  return { first, full: performance.now() - start, body };
}

async function series(url: string, cookie: string, runs: number): Promise<Omit<HttpRow, 'name'>> {
  for (let i = 0; i < 5; i++) await timed(url, cookie); // warm: compiled routes, prepared statements
  const samples: Sample[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const { first, full, body } = await timed(url, cookie);
    samples.push({ first, full });
    bytes = body.length;
  }
  const stat = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
  return { first: stat(samples.map((s) => s.first)), full: stat(samples.map((s) => s.full)), bytes };
}

/** Starts the studio on `dir` (already seeded, with `email`'s password), runs each URL `runs` times, stops it. */
export async function benchGalleryHttp({ dir, email, password, runs }: { dir: string; email: string; password: string; runs: number }): Promise<HttpRow[]> {
  // keepData: the harness would otherwise wipe its directory; the seeded database lives in `${dir}/data`.
  const harness = await startHarness({ dir, keepData: true, studioPort: await freePort(), emulatorPort: await freePort(), timeScale: 1 });
  try {
    const cookie = await signIn(harness.studioUrl, email, password);
    const base = harness.studioUrl;
    const first = (await (await fetch(`${base}/api/gallery`, { headers: { cookie } })).json()) as { next: string | null; items: unknown[] };
    if (!first.next || first.items.length === 0) throw new Error('the benchmark team has no gallery page over HTTP');
    const cases = [
      { name: 'GET /gallery (page HTML)', url: `${base}/gallery` },
      { name: 'GET /api/gallery?cursor= (next page)', url: `${base}/api/gallery?cursor=${encodeURIComponent(first.next)}` },
      { name: 'GET /api/gallery?q=light (search)', url: `${base}/api/gallery?q=light` },
      { name: 'GET /gallery?q=zeppelin (search page)', url: `${base}/gallery?q=zeppelin` },
    ];
    const rows: HttpRow[] = [];
    for (const c of cases) rows.push({ name: c.name, ...(await series(c.url, cookie, runs)) });
    return rows;
  } finally {
    await harness.stop();
  }
}

export function printHttpRows(rows: HttpRow[], runs: number): void {
  const f = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
  console.log(`\nover HTTP (next start, signed in, ${runs} sequential requests each after 5 warm-ups):`);
  console.log(`${'request'.padEnd(40)} ${'first byte p50'.padStart(14)} ${'p95'.padStart(10)} ${'full p50'.padStart(10)} ${'p95'.padStart(10)}   size`);
  for (const row of rows) {
    console.log(`${row.name.padEnd(40)} ${f(row.first.p50).padStart(14)} ${f(row.first.p95)} ${f(row.full.p50)} ${f(row.full.p95)}   ${(row.bytes / 1024).toFixed(0)} KB`);
  }
  console.log('target: p95 ≤ 50 ms server time (first byte ≈ server time on localhost; full = the whole streamed HTML)');
}
