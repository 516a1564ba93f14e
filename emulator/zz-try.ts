import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderVideo } from './render-video';
const base = { prompt: 'a calm lake at dawn', negativePrompt: '', seed: 42, aspectRatio: '16:9' as const, duration: 5 as const, resolution: '480p' as const };
for (const sound of [undefined, { kind: 'tone' as const }, undefined, { kind: 'tone' as const }]) {
  const dir = await mkdtemp(join(tmpdir(), 'snd-t-'));
  const t = performance.now();
  await renderVideo({ params: { ...base, sound }, outputPath: join(dir, 'v.mp4'), workDir: dir });
  console.log(sound ? 'sound' : 'silent', Math.round(performance.now() - t));
}
