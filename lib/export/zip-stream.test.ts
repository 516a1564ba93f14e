import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { listOf, writeZipIn } from '@/test/zip';
import { safeEntryName, zipStream, type ZipEntry } from './zip-stream';

const MiB = 1024 * 1024;
// test/setup.ts gives this file its own temporary directory and removes it afterwards.
const dir = process.env.DATA_DIR ?? os.tmpdir();

const writeZip = (entries: ZipEntry[]) => writeZipIn(dir, entries);

const unzip = (...args: string[]) => execFileSync('unzip', args, { maxBuffer: 64 * MiB });

/** The file position of this process's open descriptor on `file`, from /proc (Linux). */
function readPosition(file: string): number | undefined {
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    const target = (() => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return undefined;
      }
    })();
    if (target !== file) continue;
    const pos = /^pos:\s+(\d+)/m.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
    return pos === undefined ? undefined : Number(pos);
  }
  return undefined;
}

describe('zipStream', () => {
  it('writes files and a JSON entry that unzip lists, tests and extracts byte for byte', async () => {
    const video = path.join(dir, 'a.mp4');
    const other = path.join(dir, 'b.mp4');
    const empty = path.join(dir, 'empty.mp4');
    fs.writeFileSync(video, crypto.randomBytes(3 * MiB + 17));
    fs.writeFileSync(other, crypto.randomBytes(1000));
    fs.writeFileSync(empty, '');
    const json = JSON.stringify({ format: 'wan-studio.recipes', note: 'ünïcödé ✓' }, null, 2);

    const zip = await writeZip([
      { name: 'videos/a.mp4', source: { path: video } },
      { name: '/videos/../../b.mp4', source: { path: other } },
      { name: 'videos/empty.mp4', source: { path: empty } },
      { name: 'recipes.json', source: { bytes: json } },
      { name: 'raw.bin', source: { bytes: new Uint8Array([0, 1, 2, 255]) } },
    ]);

    const listing = unzip('-Z1', zip).toString('utf8').trim().split('\n');
    expect(listing).toEqual(['videos/a.mp4', 'videos/b.mp4', 'videos/empty.mp4', 'recipes.json', 'raw.bin']);
    expect(unzip('-tq', zip).toString('utf8')).toMatch(/No errors detected/);
    expect(unzip('-p', zip, 'videos/a.mp4').equals(fs.readFileSync(video))).toBe(true);
    expect(unzip('-p', zip, 'videos/b.mp4').equals(fs.readFileSync(other))).toBe(true);
    expect(unzip('-p', zip, 'videos/empty.mp4')).toHaveLength(0);
    expect(unzip('-p', zip, 'recipes.json').toString('utf8')).toBe(json);
    expect([...unzip('-p', zip, 'raw.bin')]).toEqual([0, 1, 2, 255]);
  });

  it('switches to the ZIP64 end record past 65 535 entries', async () => {
    const count = 70_000;
    const entries = Array.from({ length: count }, (_, i): ZipEntry => ({ name: `n/${i}.txt`, source: { bytes: String(i) } }));
    const zip = await writeZip(entries);
    const summary = unzip('-l', zip).toString('utf8').trim().split('\n').at(-1);
    expect(summary).toMatch(new RegExp(`\\s${count} files$`));
    expect(unzip('-p', zip, 'n/69999.txt').toString('utf8')).toBe('69999');
    expect(unzip('-tq', zip).toString('utf8')).toMatch(/No errors detected/);
  });

  it('cleans names: no absolute paths, no .., no empty names, no duplicates', async () => {
    expect(safeEntryName('/etc/passwd')).toBe('etc/passwd');
    expect(safeEntryName('..\\..\\win\\x.mp4')).toBe('win/x.mp4');
    expect(safeEntryName('a/./b//c\n.mp4')).toBe('a/b/c_.mp4');
    expect(() => safeEntryName('../..')).toThrow(/empty/);
    const twice: ZipEntry[] = [{ name: 'a.json', source: { bytes: '1' } }, { name: '/a.json', source: { bytes: '2' } }];
    await expect(writeZip(twice)).rejects.toThrow(/Duplicate zip entry name: a.json/);
  });

  it.runIf(process.platform === 'linux')('reads a file only as fast as a slow consumer drains, with bounded memory', async () => {
    const big = path.join(dir, 'big.mp4');
    fs.writeFileSync(big, crypto.randomBytes(MiB));
    fs.truncateSync(big, 200 * MiB); // sparse: fast to create, read back as zeros
    const reader = zipStream(listOf([{ name: 'big.mp4', source: { path: big } }])).getReader();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    let received = 0;
    let maxAhead = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received % (10 * MiB) < MiB) {
        // Give the producer every chance to run ahead while the consumer idles.
        await sleep(20);
        maxAhead = Math.max(maxAhead, (readPosition(big) ?? 0) - received);
      }
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await sleep(0);
    }
    expect(received).toBeGreaterThan(200 * MiB);
    expect(maxAhead).toBeLessThanOrEqual(2 * MiB);
    expect(peakRss - rssBefore).toBeLessThan(64 * MiB);
    expect(readPosition(big)).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')('closes the open file when the consumer cancels', async () => {
    const file = path.join(dir, 'cancelled.mp4');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 8 * MiB);
    const reader = zipStream(listOf([{ name: 'c.mp4', source: { path: file } }])).getReader();
    await reader.read();
    await reader.read();
    expect(readPosition(file)).toBeGreaterThan(0);
    await reader.cancel();
    expect(readPosition(file)).toBeUndefined();
  });
});
