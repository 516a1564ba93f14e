// npx tsx scripts/bench/render.ts — what one emulator clip costs to render: wall time per text-to-video
// clip for each frame and duration, fresh each time (no cache), min and median of BENCH_RENDER_RUNS runs.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderVideo } from '../../emulator/render-video';
import type { FrameAspect } from '../../emulator/scene';

const RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 5);
const cases: { aspectRatio: FrameAspect; prompt: string }[] = [
  { aspectRatio: '16:9', prompt: 'a sunset over the ocean, golden light' },
  { aspectRatio: '9:16', prompt: 'neon koi circling a moonlit pond' },
  { aspectRatio: '1:1', prompt: 'a paper boat drifting down a rainy street' },
];

async function renderOnce(aspectRatio: FrameAspect, prompt: string, duration: 5 | 10, seed: number) {
  const workDir = await mkdtemp(join(tmpdir(), 'wan-render-bench-'));
  try {
    const outputPath = join(workDir, 'clip.mp4');
    const started = performance.now();
    await renderVideo({ params: { prompt, negativePrompt: '', seed, aspectRatio, duration, resolution: '720p' }, outputPath, workDir });
    return { ms: performance.now() - started, bytes: (await stat(outputPath)).size };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

const rows: string[] = [];
for (const { aspectRatio, prompt } of cases) {
  for (const duration of [5, 10] as const) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await renderOnce(aspectRatio, prompt, duration, 1000 + run));
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    const kib = runs.reduce((sum, r) => sum + r.bytes, 0) / runs.length / 1024;
    rows.push(`${aspectRatio.padEnd(6)} ${`${duration} s`.padEnd(6)} ${`${Math.round(times[0] ?? 0)} ms`.padEnd(10)} ${`${Math.round(median)} ms`.padEnd(10)} ${kib.toFixed(0)} KiB`);
  }
}
console.log(`\nbench:render — text-to-video clips, ${RUNS} seeds each, one at a time`);
console.log(`${'frame'.padEnd(6)} ${'clip'.padEnd(6)} ${'min'.padEnd(10)} ${'median'.padEnd(10)} mean size`);
for (const row of rows) console.log(row);
