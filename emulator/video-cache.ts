import { access, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { renderVideo } from './render-video';
import { renderKey, type RenderParams } from './scene';

const VIDEO_NAME = /^[0-9a-f]{64}$/;

export interface VideoCache {
  /** Renders once per distinct parameter set; concurrent callers share the same render. */
  ensureVideo(params: RenderParams): Promise<string>;
  /** Absolute path of a rendered video, or undefined when the name is not one of ours. */
  videoPath(name: string): string | undefined;
  /** Resolves when no render is running, so a closing server leaves no half-written files. */
  idle(): Promise<void>;
}

export function createVideoCache(dataDir: string): VideoCache {
  const inFlight = new Map<string, Promise<string>>();

  async function renderOnce(name: string, params: RenderParams): Promise<string> {
    const finalPath = join(dataDir, `${name}.mp4`);
    if (await exists(finalPath)) return name;
    await mkdir(dataDir, { recursive: true });
    const workDir = await mkdtemp(join(dataDir, '.render-'));
    try {
      const partialPath = join(workDir, 'video.mp4');
      await renderVideo({ params, outputPath: partialPath, workDir });
      await rename(partialPath, finalPath);
      return name;
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  return {
    ensureVideo(params) {
      const name = renderKey(params);
      const running = inFlight.get(name);
      if (running) return running;
      const render = renderOnce(name, params).finally(() => inFlight.delete(name));
      inFlight.set(name, render);
      return render;
    },
    videoPath(name) {
      return VIDEO_NAME.test(name) ? join(dataDir, `${name}.mp4`) : undefined;
    },
    async idle() {
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}

/** Whether a file is there (the cache and the task store both ask). */
export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
