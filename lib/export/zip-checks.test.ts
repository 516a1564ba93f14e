import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZipIn } from '@/test/zip';
import { checkedName, crc32, ZipFormatError } from './zip-checks';
import { openZip } from './zip-read';
import type { ZipEntry } from './zip-stream';

// test/setup.ts gives this file its own temporary directory and removes it afterwards.
const dir = process.env.DATA_DIR ?? os.tmpdir();
const CENTRAL_SIGNATURE = 0x02014b50;

const writeZip = (entries: ZipEntry[]) => writeZipIn(dir, entries);

/** Where the central directory record of `name` starts (the last copy of the name in the file is its own). */
function centralRecordOf(bytes: Buffer, name: string): number {
  const at = bytes.lastIndexOf(Buffer.from(name)) - 46;
  expect(bytes.readUInt32LE(at)).toBe(CENTRAL_SIGNATURE);
  return at;
}

/** A copy of the zip with `change` applied to its bytes. */
function hostile(file: string, change: (bytes: Buffer) => void): string {
  const bytes = fs.readFileSync(file);
  change(bytes);
  const out = path.join(dir, `${crypto.randomUUID()}.zip`);
  fs.writeFileSync(out, bytes);
  return out;
}

describe('the checks on top of yauzl', () => {
  it('refuses two entries with the same name', async () => {
    const file = await writeZip([
      { name: 'a1.txt', source: { bytes: 'one' } },
      { name: 'a2.txt', source: { bytes: 'two' } },
    ]);
    const twice = hostile(file, (bytes) => {
      for (let at = bytes.indexOf('a2.txt'); at >= 0; at = bytes.indexOf('a2.txt', at + 1)) bytes.write('a1.txt', at, 'latin1');
    });
    await expect(openZip(twice)).rejects.toThrow(new ZipFormatError('"a1.txt" appears twice in the zip.'));
  });

  it('refuses entries that share bytes (the overlapping-entry zip bomb)', async () => {
    // bb.txt's whole local record, hidden inside aa.txt's data; bb.txt's directory record then points at that copy.
    const single = await writeZip([{ name: 'bb.txt', source: { bytes: 'hello' } }]);
    const inner = await withEntries(single, ([bb]) => fs.readFileSync(single).subarray(0, (bb?.dataOffset ?? 0) + 5));
    const file = await writeZip([
      { name: 'aa.txt', source: { bytes: inner } },
      { name: 'bb.txt', source: { bytes: 'hello' } },
    ]);
    const copyAt = await withEntries(file, ([aa]) => aa?.dataOffset ?? 0);
    const bomb = hostile(file, (bytes) => bytes.writeUInt32LE(copyAt, centralRecordOf(bytes, 'bb.txt') + 42));
    await expect(openZip(bomb)).rejects.toThrow(new ZipFormatError('"aa.txt" and "bb.txt" overlap; the zip is damaged.'));
  });

  it('refuses encrypted entries, unknown compression methods and stored entries whose sizes disagree', async () => {
    const file = await writeZip([{ name: 'x.bin', source: { bytes: crypto.randomBytes(100) } }]);
    const patch = (offset: number, write: (bytes: Buffer, at: number) => void) => hostile(file, (bytes) => write(bytes, centralRecordOf(bytes, 'x.bin') + offset));
    await expect(openZip(patch(8, (bytes, at) => bytes.writeUInt16LE(bytes.readUInt16LE(at) | 1, at)))).rejects.toThrow(
      new ZipFormatError('"x.bin" is encrypted; encrypted zips are not supported.'),
    );
    await expect(openZip(patch(10, (bytes, at) => bytes.writeUInt16LE(12, at)))).rejects.toThrow(
      new ZipFormatError('"x.bin" uses compression method 12; only stored and deflated entries are supported.'),
    );
    await expect(openZip(patch(24, (bytes, at) => bytes.writeUInt32LE(99, at)))).rejects.toThrow(new ZipFormatError('"x.bin" is stored but its two sizes differ; the zip is damaged.'));
  });

  it('refuses a deflated entry that claims more than DEFLATE can expand to', async () => {
    const source = path.join(dir, 'text.txt');
    fs.writeFileSync(source, 'a'.repeat(10_000));
    const file = path.join(dir, 'deflated.zip');
    execFileSync('zip', ['-q', '-j', file, source]);
    const lie = hostile(file, (bytes) => bytes.writeUInt32LE(0xfffffff0, centralRecordOf(bytes, 'text.txt') + 24));
    await expect(openZip(lie)).rejects.toThrow(new ZipFormatError('"text.txt" claims an impossible size; the zip is damaged.'));
  });

  it('refuses a local header that disagrees with the directory, and words any other damage yauzl finds', async () => {
    const file = await writeZip([{ name: 'y.bin', source: { bytes: 'payload' } }]);
    const renamed = hostile(file, (bytes) => bytes.write('z', bytes.indexOf('y.bin'), 'latin1'));
    await expect(openZip(renamed)).rejects.toThrow(new ZipFormatError('"y.bin": its local header does not match the central directory; the zip is damaged.'));
    const broken = hostile(file, (bytes) => bytes.writeUInt32LE(0x12345678, centralRecordOf(bytes, 'y.bin')));
    await expect(openZip(broken)).rejects.toThrow(ZipFormatError);
    await expect(openZip(broken)).rejects.toThrow(/^This zip is damaged: invalid central directory file header signature/);
  });

  it('checks names as UTF-8 and computes the CRC-32 zip uses', () => {
    expect(checkedName(Buffer.from('videos/ünï ✓.mp4'), 0)).toBe('videos/ünï ✓.mp4');
    expect(() => checkedName(Buffer.from([0x61, 0xff, 0x62]), 2)).toThrow(new ZipFormatError('Entry 3 has a name that is not valid UTF-8.'));
    expect(() => checkedName(Buffer.from('a/./b'), 0)).toThrow('it has an empty or "." path segment');
    expect(() => checkedName(Buffer.from('a\nb'), 0)).toThrow('it contains control characters');
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('6789'), crc32(Buffer.from('12345')))).toBe(0xcbf43926);
  });
});

async function withEntries<T>(file: string, work: (entries: Awaited<ReturnType<typeof openZip>>['entries']) => T): Promise<T> {
  const zip = await openZip(file);
  try {
    return work(zip.entries);
  } finally {
    await zip.close();
  }
}
