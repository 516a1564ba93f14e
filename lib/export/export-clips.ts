import 'server-only';
import type { GenerationWithAuthor } from '@/db/queries/generations';
import { requestOf } from '@/lib/generation/recipe';
import { getVideoStore } from '@/lib/storage/video-storage';
import { buildRecipesFile } from './recipes-file';
import { zipStream, type ZipEntry } from './zip-stream';

/**
 * The zip of an export: `recipes.json` first (every clip's exact request, seed included), then each
 * archived video as `videos/<id>.mp4`, read from the video store (disk or bucket) while the download streams.
 */
export function exportZip(rows: GenerationWithAuthor[], now: Date): ReadableStream<Uint8Array> {
  const fileOf = (row: GenerationWithAuthor) => (row.archivePath ? `videos/${row.id}.mp4` : null);
  const recipes = buildRecipesFile({
    exportedAt: now,
    clips: rows.map((row) => ({
      id: row.id,
      file: fileOf(row),
      sha256: row.archivePath ? row.archiveSha256 : null,
      createdAt: row.createdAt,
      author: row.authorName,
      // The start frame and sound track travel as links anyone can fetch, never as this studio's ids.
      recipe: { ...requestOf(row), imageId: undefined, audioId: undefined },
      parentId: row.parentId,
    })),
  });
  const store = getVideoStore();
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: 'recipes.json', source: { bytes: `${JSON.stringify(recipes, null, 2)}\n` } };
    for (const row of rows) {
      const name = fileOf(row);
      const key = row.archivePath;
      // Opened only when its turn comes: one clip's stream at a time, whatever the store.
      if (name && key) yield { name, source: { open: () => store.read(key), date: row.archivedAt ?? undefined } };
    }
  }
  return zipStream(entries());
}
