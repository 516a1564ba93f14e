import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Keeps each task's downloaded source (start image, sound track) on disk, so a renderer can use it later. */
export function createSourceFileStore(directory: string) {
  return {
    async save(taskId: string, extension: string, bytes: Buffer): Promise<string> {
      await mkdir(directory, { recursive: true });
      const path = join(directory, `${taskId}.${extension}`);
      await writeFile(path, bytes);
      return path;
    },
  };
}

export type SourceFileStore = ReturnType<typeof createSourceFileStore>;
