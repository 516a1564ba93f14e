import { readFile, writeFile } from 'node:fs/promises';

/**
 * This ffmpeg counts AAC's priming samples (1024) into the audio track's `tkhd` and the movie's `mvhd`
 * duration, although its edit list skips them: a 5 s clip would say 5.02 s. ISO/IEC 14496-12 defines a track's
 * duration as the sum of its edits, so this sets every `tkhd` to its `elst` total and `mvhd` to the longest
 * track. Only durations change, in place: the file stays byte-for-byte reproducible.
 */
export async function alignDurationsToEdits(path: string): Promise<void> {
  const file = await readFile(path);
  const moov = children(file, 0, file.length).find((box) => box.type === 'moov');
  if (!moov) throw new Error('no moov box');
  const boxes = children(file, moov.body, moov.end);
  const mvhd = boxes.find((box) => box.type === 'mvhd');
  if (!mvhd) throw new Error('no mvhd box');
  let longest = 0;
  for (const trak of boxes.filter((box) => box.type === 'trak')) {
    const parts = children(file, trak.body, trak.end);
    const tkhd = parts.find((box) => box.type === 'tkhd');
    const edts = parts.find((box) => box.type === 'edts');
    const elst = edts && children(file, edts.body, edts.end).find((box) => box.type === 'elst');
    if (!tkhd) continue;
    const duration = elst ? editsTotal(file, elst.body) : readDuration(file, tkhd.body, 20, 28);
    writeDuration(file, tkhd.body, 20, 28, duration);
    longest = Math.max(longest, duration);
  }
  writeDuration(file, mvhd.body, 16, 24, longest);
  await writeFile(path, file);
}

export interface TrackDuration {
  /** `vide`, `soun`, … from the track's handler. */
  handler: string;
  /** The track's duration (`tkhd`, in the movie's timescale) in seconds. */
  seconds: number;
}

/** Each track's kind and duration, as a player (or ffprobe) reads them from the `moov` box. */
export function readTrackDurations(file: Buffer): TrackDuration[] {
  const moov = children(file, 0, file.length).find((box) => box.type === 'moov');
  const boxes = moov ? children(file, moov.body, moov.end) : [];
  const mvhd = boxes.find((box) => box.type === 'mvhd');
  if (!mvhd) return [];
  const timescale = file.readUInt32BE(mvhd.body + (file[mvhd.body] === 1 ? 20 : 12));
  return boxes
    .filter((box) => box.type === 'trak')
    .flatMap((trak) => {
      const parts = children(file, trak.body, trak.end);
      const tkhd = parts.find((box) => box.type === 'tkhd');
      const mdia = parts.find((box) => box.type === 'mdia');
      const hdlr = mdia && children(file, mdia.body, mdia.end).find((box) => box.type === 'hdlr');
      if (!tkhd || !hdlr) return [];
      const handler = file.toString('latin1', hdlr.body + 8, hdlr.body + 12);
      return [{ handler, seconds: readDuration(file, tkhd.body, 20, 28) / timescale }];
    });
}

interface Box {
  type: string;
  /** Where the box's content starts (after size and type) and where the box ends. */
  body: number;
  end: number;
}

function children(file: Buffer, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  for (let offset = start; offset + 8 <= end; ) {
    const size = file.readUInt32BE(offset);
    if (size < 8 || offset + size > end) break;
    boxes.push({ type: file.toString('latin1', offset + 4, offset + 8), body: offset + 8, end: offset + size });
    offset += size;
  }
  return boxes;
}

/** Sum of the segment durations (in the movie's timescale) of an `elst`, version 0 or 1. */
function editsTotal(file: Buffer, body: number): number {
  const version = file[body] ?? 0;
  const count = file.readUInt32BE(body + 4);
  const entrySize = version === 1 ? 20 : 12;
  let total = 0;
  for (let index = 0; index < count; index += 1) {
    const entry = body + 8 + index * entrySize;
    total += version === 1 ? Number(file.readBigUInt64BE(entry)) : file.readUInt32BE(entry);
  }
  return total;
}

/** The duration field sits at `offsetV0` (32-bit) or `offsetV1` (64-bit) from the full box's start. */
function readDuration(file: Buffer, body: number, offsetV0: number, offsetV1: number): number {
  return file[body] === 1 ? Number(file.readBigUInt64BE(body + offsetV1)) : file.readUInt32BE(body + offsetV0);
}

function writeDuration(file: Buffer, body: number, offsetV0: number, offsetV1: number, duration: number): void {
  if (file[body] === 1) file.writeBigUInt64BE(BigInt(duration), body + offsetV1);
  else file.writeUInt32BE(duration, body + offsetV0);
}
