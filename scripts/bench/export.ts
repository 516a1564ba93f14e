// npx tsx scripts/bench/export.ts — zips ~2 GB of sparse temp files (BENCH_EXPORT_MB, default 2048, over
// BENCH_EXPORT_FILES files, default 16) plus a JSON entry, twice: cold (files not yet in the page cache) into a
// byte-counting sink, then warm into a sparse file (only non-zero chunks are written, so any size fits on disk)
// that unzip lists and CRC-checks (BENCH_EXPORT_CRC=0 skips the slow CRC pass). Prints throughput and peak memory.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
// Erased at run time, so it loads nothing before the condition check below.
import type { ZipEntry } from '../../lib/export/zip-stream';

if (!process.execArgv.some((arg) => arg.includes('react-server'))) {
  // zip-stream is server-only: rerun under the react-server condition, as bench:gallery's npm script does.
  const child = spawnSync(process.execPath, [...process.execArgv, '--conditions=react-server', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const { zipStream } = await import('../../lib/export/zip-stream');

const MiB = 1024 * 1024;
const TOTAL_MB = Number(process.env.BENCH_EXPORT_MB ?? 2048);
const FILES = Number(process.env.BENCH_EXPORT_FILES ?? 16);
const TEST_CRC = process.env.BENCH_EXPORT_CRC !== '0';
const HEAD_BYTES = 64 * 1024;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-bench-export-'));
const zipFile = path.join(dir, 'export.zip');
const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

function makeFiles(): Map<string, { file: string; bytes: number }> {
  const files = new Map<string, { file: string; bytes: number }>();
  const each = Math.floor((TOTAL_MB * MiB) / FILES);
  for (let i = 0; i < FILES; i++) {
    const id = crypto.randomUUID();
    const file = path.join(dir, `${id}.mp4`);
    // A random head, then a hole: real bytes to checksum, without writing gigabytes.
    fs.writeFileSync(file, crypto.randomBytes(Math.min(HEAD_BYTES, each)));
    fs.truncateSync(file, each);
    files.set(`videos/${id}.mp4`, { file, bytes: each });
  }
  return files;
}

async function* entriesOf(files: Map<string, { file: string }>): AsyncGenerator<ZipEntry> {
  for (const [name, { file }] of files) yield { name, source: { path: file } };
  yield { name: 'recipes.json', source: { bytes: JSON.stringify({ format: 'wan-studio.recipes', clips: [...files.keys()] }, null, 2) } };
}

async function run(files: Map<string, { file: string }>, toFile: boolean) {
  const zero = Buffer.alloc(MiB);
  const out = toFile ? await fs.promises.open(zipFile, 'w') : undefined;
  const peak = { rss: 0, heap: 0, arrayBuffers: 0 };
  let bytes = 0;
  const started = performance.now();
  try {
    for await (const chunk of zipStream(entriesOf(files))) {
      const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (out && (view.length > zero.length || !view.equals(zero.subarray(0, view.length)))) await out.write(view, 0, view.length, bytes);
      bytes += chunk.byteLength;
      const memory = process.memoryUsage();
      peak.rss = Math.max(peak.rss, memory.rss);
      peak.heap = Math.max(peak.heap, memory.heapUsed);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, memory.arrayBuffers);
    }
    await out?.truncate(bytes);
  } finally {
    await out?.close();
  }
  return { bytes, seconds: (performance.now() - started) / 1000, peak };
}

function verify(files: Map<string, { bytes: number }>): string {
  const listing = execFileSync('unzip', ['-l', zipFile], { encoding: 'utf8' });
  const sizes = new Map([...listing.matchAll(/^\s*(\d+)\s+\S+\s+\S+\s+(\S+)$/gm)].map((m) => [m[2], Number(m[1])]));
  const wrong = [...files].filter(([name, { bytes }]) => sizes.get(name) !== bytes).map(([name]) => name);
  if (wrong.length || !sizes.has('recipes.json')) throw new Error(`unzip -l disagrees on: ${wrong.join(', ') || 'recipes.json'}\n${listing}`);
  if (!TEST_CRC) return `unzip -l: ${sizes.size} entries, sizes match`;
  const started = performance.now();
  execFileSync('unzip', ['-tq', zipFile], { encoding: 'utf8' });
  return `unzip -l: ${sizes.size} entries, sizes match; unzip -t: CRCs OK (${((performance.now() - started) / 1000).toFixed(1)} s)`;
}

try {
  const rssAtStart = process.memoryUsage().rss;
  const files = makeFiles();
  const cold = await run(files, false);
  const warm = await run(files, true);
  if (warm.bytes !== cold.bytes) throw new Error(`the two passes differ: ${cold.bytes} vs ${warm.bytes} bytes`);
  const rows: [string, string][] = [
    ['input', `${FILES} files, ${mb(TOTAL_MB * MiB)}`],
    ['zip bytes', `${cold.bytes.toLocaleString('en-US')} (${mb(cold.bytes)})`],
    ['cold, counting sink', `${cold.seconds.toFixed(2)} s, ${(cold.bytes / MiB / cold.seconds).toFixed(0)} MiB/s`],
    ['warm, sparse-file sink', `${warm.seconds.toFixed(2)} s, ${(warm.bytes / MiB / warm.seconds).toFixed(0)} MiB/s`],
    ['peak RSS', `${mb(Math.max(cold.peak.rss, warm.peak.rss))} (at start ${mb(rssAtStart)}; kernel max ${mb(process.resourceUsage().maxRSS * 1024)})`],
    ['peak heap used', mb(Math.max(cold.peak.heap, warm.peak.heap))],
    ['peak arrayBuffers', mb(Math.max(cold.peak.arrayBuffers, warm.peak.arrayBuffers))],
    ['check', verify(files)],
  ];
  console.log('| metric | value |\n|---|---|');
  for (const [metric, value] of rows) console.log(`| ${metric} | ${value} |`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
