import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { zipStream, type ZipEntry } from '@/lib/export/zip-stream';

export async function* listOf(entries: ZipEntry[]): AsyncGenerator<ZipEntry> {
  yield* entries;
}

/** Small archives only: collects the whole zip, then writes it to a file in `dir` (for unzip or the reader). */
export async function writeZipIn(dir: string, entries: ZipEntry[]): Promise<string> {
  const file = path.join(dir, `${crypto.randomUUID()}.zip`);
  fs.writeFileSync(file, Buffer.from(await new Response(zipStream(listOf(entries))).arrayBuffer()));
  return file;
}
