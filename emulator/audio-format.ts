export type AudioFormat = 'wav' | 'mp3';

export const AUDIO_EXTENSIONS: Record<AudioFormat, string> = { wav: 'wav', mp3: 'mp3' };

/** The format by its bytes: a RIFF/WAVE file with a fmt chunk, or MPEG audio (behind an ID3v2 tag or not). */
export function sniffAudioFormat(bytes: Buffer): AudioFormat | undefined {
  if (isWave(bytes)) return 'wav';
  if (bytes.toString('latin1', 0, 3) === 'ID3') {
    const end = id3TagEnd(bytes);
    return end !== undefined && isMpegAudioFrame(bytes, end) ? 'mp3' : undefined;
  }
  return isMpegAudioFrame(bytes, 0) ? 'mp3' : undefined;
}

function isWave(bytes: Buffer): boolean {
  if (bytes.length < 20 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE') return false;
  // Chunks after the header; some writers put LIST or JUNK before fmt.
  let offset = 12;
  for (let chunk = 0; chunk < 8 && offset + 8 <= bytes.length; chunk += 1) {
    if (bytes.toString('latin1', offset, offset + 4) === 'fmt ') return true;
    offset += 8 + bytes.readUInt32LE(offset + 4) + (bytes.readUInt32LE(offset + 4) % 2);
  }
  return false;
}

/** Where the first MPEG frame should start after an ID3v2 tag (its size is four 7-bit bytes). */
function id3TagEnd(bytes: Buffer): number | undefined {
  if (bytes.length < 10) return undefined;
  const sizeBytes = [bytes[6] ?? 0, bytes[7] ?? 0, bytes[8] ?? 0, bytes[9] ?? 0];
  if (sizeBytes.some((byte) => byte >= 0x80)) return undefined;
  const size = sizeBytes.reduce((total, byte) => total * 128 + byte, 0);
  const hasFooter = ((bytes[5] ?? 0) & 0x10) !== 0;
  return 10 + size + (hasFooter ? 10 : 0);
}

/** An MPEG-1/2/2.5 Layer III frame header: 11 sync bits, no reserved version, a real bitrate and sample rate. */
function isMpegAudioFrame(bytes: Buffer, offset: number): boolean {
  if (offset + 4 > bytes.length) return false;
  const [first = 0, second = 0, third = 0] = [bytes[offset], bytes[offset + 1], bytes[offset + 2]];
  const sync = first === 0xff && (second & 0xe0) === 0xe0;
  const version = (second >> 3) & 0b11;
  const layer = (second >> 1) & 0b11;
  const bitrateIndex = third >> 4;
  const sampleRateIndex = (third >> 2) & 0b11;
  return sync && version !== 0b01 && layer === 0b01 && bitrateIndex !== 0 && bitrateIndex !== 0b1111 && sampleRateIndex !== 0b11;
}
