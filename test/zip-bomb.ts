import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * An export zip re-packed (deflated, by Info-ZIP) with every video grown to `videoBytes` of zeros after its
 * real MP4 head: a small file whose entries honestly declare, and expand to, far more than it holds.
 */
export function zipBombOf(exportFile: string, dir: string, videoBytes: number): string {
  const tree = fs.mkdtempSync(path.join(dir, 'bomb-'));
  try {
    execFileSync('unzip', ['-q', exportFile, '-d', tree]);
    const videos = path.join(tree, 'videos');
    for (const name of fs.readdirSync(videos)) fs.truncateSync(path.join(videos, name), videoBytes);
    const out = path.join(dir, `bomb-${crypto.randomUUID()}.zip`);
    execFileSync('zip', ['-q', '-r', '-9', out, '.'], { cwd: tree });
    return out;
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}

/** Runs `work` with some environment variables changed, then puts them back. */
export async function withEnv<T>(vars: Record<string, string>, reset: () => void, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  reset();
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    reset();
  }
}
