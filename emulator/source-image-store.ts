import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IMAGE_EXTENSIONS, type ImageFormat } from './image-format';

/** Keeps each image-to-video task's downloaded source on disk, so a renderer can animate it later. */
export function createSourceImageStore(directory: string) {
  return {
    async save(taskId: string, format: ImageFormat, bytes: Buffer): Promise<string> {
      await mkdir(directory, { recursive: true });
      const path = join(directory, `${taskId}.${IMAGE_EXTENSIONS[format]}`);
      await writeFile(path, bytes);
      return path;
    },
  };
}

export type SourceImageStore = ReturnType<typeof createSourceImageStore>;
