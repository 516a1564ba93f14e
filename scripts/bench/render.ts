// npx tsx scripts/bench/render.ts — what one emulator clip costs to render: wall time per text-to-video
// clip for each frame and duration, fresh each time (no cache), min and median of BENCH_RENDER_RUNS runs;
// the last rows are wan-2-5-video's 480p clips with their tone pattern (AAC muxed in).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderVideo } from '../../emulator/render-video';
import type { FrameAspect, SoundSource } from '../../emulator/scene';

const RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 5);
interface BenchCase {
  aspectRatio: FrameAspect;
  prompt: string;
  sound?: SoundSource;
}
const cases: BenchCase[] = [
  { aspectRatio: '16:9', prompt: 'a sunset over the ocean, golden light' },
  { aspectRatio: '9:16', prompt: 'neon koi circling a moonlit pond' },
  { aspectRatio: '1:1', prompt: 'a paper boat drifting down a rainy street' },
  { aspectRatio: '16:9', prompt: 'wind chimes on a quiet porch', sound: { kind: 'tone' } },
];

async function renderOnce({ aspectRatio, prompt, sound }: BenchCase, duration: 5 | 10, seed: number) {
  const workDir = await mkdtemp(join(tmpdir(), 'wan-render-bench-'));
  try {
    const outputPath = join(workDir, 'clip.mp4');
    const started = performance.now();
    const resolution = sound ? '480p' : '720p';
    await renderVideo({ params: { prompt, negativePrompt: '', seed, aspectRatio, duration, resolution, sound }, outputPath, workDir });
    return { ms: performance.now() - started, bytes: (await stat(outputPath)).size };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

const rows: string[] = [];
for (const benchCase of cases) {
  for (const duration of [5, 10] as const) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await renderOnce(benchCase, duration, 1000 + run));
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    const kib = runs.reduce((sum, r) => sum + r.bytes, 0) / runs.length / 1024;
    const frame = `${benchCase.aspectRatio}${benchCase.sound ? ' 480p + tone' : ''}`;
    rows.push(`${frame.padEnd(6)} ${`${duration} s`.padEnd(6)} ${`${Math.round(times[0] ?? 0)} ms`.padEnd(10)} ${`${Math.round(median)} ms`.padEnd(10)} ${kib.toFixed(0)} KiB`);
  }
}
console.log(`\nbench:render — text-to-video clips, ${RUNS} seeds each, one at a time`);
console.log(`${'frame'.padEnd(6)} ${'clip'.padEnd(6)} ${'min'.padEnd(10)} ${'median'.padEnd(10)} mean size`);
for (const row of rows) console.log(row);
