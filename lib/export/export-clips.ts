import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline, type Readable, Transform } from 'node:stream';
import type { GenerationWithAuthor } from '@/db/queries/generations';
import { requestOf } from '@/lib/generation/recipe';
import { videoSha256 } from '@/lib/generation/view';
import { getVideoStore } from '@/lib/storage/video-storage';
import { buildRecipesFile } from './recipes-file';
import { taggedCopyOf } from './tagged-copy';
import { zipStream, type ZipEntry } from './zip-stream';

/**
 * The zip of an export: each archived video as `videos/<id>.mp4`, the copy that carries its recipe in its
 * metadata (tagged-copy.ts; the original when no copy can be made), read while the download streams; then
 * `recipes.json` (every clip's exact request, seed included). The recipes come last because they record the
 * sha256 of each file as zipped, hashed on its way in; an import finds them by name wherever they are.
 */
export function exportZip(rows: GenerationWithAuthor[], now: Date): ReadableStream<Uint8Array> {
  const fileOf = (row: GenerationWithAuthor) => (row.archivePath ? `videos/${row.id}.mp4` : null);
  const zipped = new Map<string, string>();
  const store = getVideoStore();
  async function* entries(): AsyncGenerator<ZipEntry> {
    for (const row of rows) {
      const name = fileOf(row);
      const key = row.archivePath;
      // Opened only when its turn comes: one clip's stream at a time, whatever the store.
      if (!name || !key) continue;
      const open = async () => {
        const tagged = await taggedCopyOf(row);
        return hashedInto(tagged ? fs.createReadStream(tagged.path) : await store.read(key), (sha256) => zipped.set(row.id, sha256));
      };
      yield { name, source: { open, date: row.archivedAt ?? undefined } };
    }
    const recipes = buildRecipesFile({
      exportedAt: now,
      clips: rows.map((row) => ({
        id: row.id,
        file: fileOf(row),
        sha256: row.archivePath ? videoSha256(row) : null,
        fileSha256: zipped.get(row.id),
        createdAt: row.createdAt,
        author: row.authorName,
        // The start frame and sound track travel as links anyone can fetch, never as this studio's ids.
        recipe: { ...requestOf(row), imageId: undefined, audioId: undefined },
        parentId: row.parentId,
      })),
    });
    yield { name: 'recipes.json', source: { bytes: `${JSON.stringify(recipes, null, 2)}\n` } };
  }
  return zipStream(entries());
}

/** The same bytes, with their sha256 handed to `done` once the last one passed; destroying it closes the source. */
function hashedInto(source: Readable, done: (sha256: string) => void): Readable {
  const hash = crypto.createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      hash.update(chunk);
      next(null, chunk);
    },
    flush(next) {
      done(hash.digest('hex'));
      next();
    },
  });
  return pipeline(source, hashing, () => undefined);
}
