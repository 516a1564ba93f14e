import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeZipIn } from '@/test/zip';
import { ZipFormatError } from './zip-checks';
import { openZip, ZIP_MAX_ENTRIES, type OpenedZip } from './zip-read';
import type { ZipEntry } from './zip-stream';

const MiB = 1024 * 1024;
// test/setup.ts gives this file its own temporary directory and removes it afterwards.
const dir = process.env.DATA_DIR ?? os.tmpdir();

const writeZip = (entries: ZipEntry[]) => writeZipIn(dir, entries);

async function bytesOf(stream: Readable): Promise<Buffer> {
  return Buffer.concat((await stream.toArray()) as Buffer[]);
}

/** Every file entry of the zip, read through the checked stream. */
async function contentsOf(zip: OpenedZip): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of zip.entries) out.set(entry.name, await bytesOf(zip.read(entry)));
  return out;
}

/** The zip with every occurrence of `from` (local header and central directory) replaced by `to`, same length. */
function patched(file: string, from: string, to: string): string {
  const bytes = fs.readFileSync(file);
  const needle = Buffer.from(from);
  expect(to).toHaveLength(from.length);
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) bytes.write(to, at, 'latin1');
  const out = path.join(dir, `${crypto.randomUUID()}.zip`);
  fs.writeFileSync(out, bytes);
  return out;
}

async function withZip<T>(file: string, work: (zip: OpenedZip) => Promise<T>): Promise<T> {
  const zip = await openZip(file);
  try {
    return await work(zip);
  } finally {
    await zip.close();
  }
}

describe('openZip', () => {
  it('reads back what zipStream wrote: several files, an empty one and a UTF-8 name, byte for byte', async () => {
    const video = crypto.randomBytes(3 * MiB + 17);
    const json = JSON.stringify({ note: 'ünïcödé ✓' });
    const file = await writeZip([
      { name: 'recipes.json', source: { bytes: json } },
      { name: 'videos/a.mp4', source: { bytes: video } },
      { name: 'videos/empty.mp4', source: { bytes: new Uint8Array(0) } },
      { name: 'vidéos/ünï ✓.bin', source: { bytes: new Uint8Array([0, 1, 2, 255]) } },
    ]);
    await withZip(file, async (zip) => {
      expect(zip.entries.map((entry) => [entry.name, entry.method, entry.size])).toEqual([
        ['recipes.json', 'store', Buffer.byteLength(json)],
        ['videos/a.mp4', 'store', video.length],
        ['videos/empty.mp4', 'store', 0],
        ['vidéos/ünï ✓.bin', 'store', 4],
      ]);
      const contents = await contentsOf(zip);
      expect(contents.get('recipes.json')?.toString('utf8')).toBe(json);
      expect(contents.get('videos/a.mp4')?.equals(video)).toBe(true);
      expect(contents.get('videos/empty.mp4')).toHaveLength(0);
      expect([...(contents.get('vidéos/ünï ✓.bin') ?? [])]).toEqual([0, 1, 2, 255]);
    });
  });

  it('reads zips made by Info-ZIP: deflated, forced ZIP64 and streamed to stdout', async () => {
    const source = path.join(dir, 'tree');
    fs.mkdirSync(path.join(source, 'd'), { recursive: true });
    const files = new Map<string, Buffer>([
      ['d/text.txt', Buffer.from(Array.from({ length: 20_000 }, (_, i) => `line ${i}\n`).join(''))],
      ['d/random.bin', crypto.randomBytes(5000)],
      ['d/empty', Buffer.alloc(0)],
      ['d/ünï ✓.txt', Buffer.from('héllo')],
    ]);
    for (const [name, bytes] of files) fs.writeFileSync(path.join(source, name), bytes);
    const plain = path.join(dir, 'plain.zip');
    const zip64 = path.join(dir, 'zip64.zip');
    const streamed = path.join(dir, 'streamed.zip');
    execFileSync('zip', ['-q', '-r', plain, 'd'], { cwd: source });
    execFileSync('zip', ['-q', '-r', '-fz', zip64, 'd'], { cwd: source });
    fs.writeFileSync(streamed, execFileSync('zip', ['-q', '-', 'd/text.txt', 'd/random.bin'], { cwd: source }));

    for (const file of [plain, zip64]) {
      await withZip(file, async (zip) => {
        // The `d/` directory entry is not a file: it is skipped.
        expect(zip.entries.map((entry) => entry.name).sort()).toEqual([...files.keys()].sort());
        expect(zip.entries.find((entry) => entry.name === 'd/text.txt')?.method).toBe('deflate');
        expect(await contentsOf(zip)).toEqual(files);
      });
    }
    await withZip(streamed, async (zip) => {
      const contents = await contentsOf(zip);
      expect(contents.get('d/text.txt')?.equals(files.get('d/text.txt') ?? Buffer.alloc(0))).toBe(true);
      expect(contents.get('d/random.bin')?.equals(files.get('d/random.bin') ?? Buffer.alloc(0))).toBe(true);
    });

    // Broken deflate data is a ZipFormatError too, whether zlib or the CRC notices first.
    const text = await withZip(plain, async (zip) => zip.entries.find((entry) => entry.name === 'd/text.txt'));
    const bytes = fs.readFileSync(plain);
    const at = (text?.dataOffset ?? 0) + Math.floor((text?.compressedSize ?? 0) / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x5a;
    fs.writeFileSync(plain, bytes);
    await withZip(plain, async (zip) => {
      const entry = zip.entries.find((candidate) => candidate.name === 'd/text.txt');
      if (!entry) throw new Error('d/text.txt expected');
      await expect(bytesOf(zip.read(entry))).rejects.toThrow(ZipFormatError);
    });
  });

  it('refuses a truncated file, and a file that is not a zip', async () => {
    const file = await writeZip([{ name: 'a.bin', source: { bytes: crypto.randomBytes(10_000) } }]);
    const cut = path.join(dir, 'cut.zip');
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, 6000));
    await expect(openZip(cut)).rejects.toThrow(ZipFormatError);
    await expect(openZip(cut)).rejects.toThrow('This is not a zip file, or it is cut short: its end-of-archive record is missing.');

    const noise = path.join(dir, 'noise.zip');
    fs.writeFileSync(noise, crypto.randomBytes(70_000));
    await expect(openZip(noise)).rejects.toThrow(/not a zip file/);
    fs.writeFileSync(noise, 'PK');
    await expect(openZip(noise)).rejects.toThrow('This is not a zip file: it is too short.');
  });

  it('refuses an entry whose bytes do not match their CRC-32 while streaming it', async () => {
    const file = await writeZip([
      { name: 'good.bin', source: { bytes: crypto.randomBytes(1000) } },
      { name: 'bad.bin', source: { bytes: crypto.randomBytes(2 * MiB) } },
    ]);
    const offset = await withZip(file, async (zip) => zip.entries[1]?.dataOffset ?? 0);
    const bytes = fs.readFileSync(file);
    bytes[offset + MiB + 5] = (bytes[offset + MiB + 5] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    await withZip(file, async (zip) => {
      const [good, bad] = zip.entries;
      if (!good || !bad) throw new Error('two entries expected');
      expect(await bytesOf(zip.read(good))).toHaveLength(1000);
      await expect(bytesOf(zip.read(bad))).rejects.toThrow(new ZipFormatError('"bad.bin" is damaged: its CRC-32 checksum does not match.'));
    });
  });

  it.each([
    ['../evil.txt', 'it contains ".."'],
    ['/b/evil.txt', 'it is an absolute path'],
    ['ab\\evil.txt', 'it contains a backslash'],
  ])('refuses the unsafe name %s', async (name, reason) => {
    const file = patched(await writeZip([{ name: 'ab/evil.txt', source: { bytes: 'x' } }]), 'ab/evil.txt', name);
    await expect(openZip(file)).rejects.toThrow(new ZipFormatError(`Entry 1 has an unsafe name ${JSON.stringify(name)}: ${reason}.`));
  });

  it(`refuses more than ${ZIP_MAX_ENTRIES} entries`, async () => {
    const file = await writeZip(Array.from({ length: ZIP_MAX_ENTRIES + 1 }, (_, i): ZipEntry => ({ name: `n/${i}`, source: { bytes: '' } })));
    await expect(openZip(file)).rejects.toThrow(`This zip has ${ZIP_MAX_ENTRIES + 1} entries; at most ${ZIP_MAX_ENTRIES} are supported.`);
  });
});
