import { endianness } from 'node:os';

/** A canonical 44-byte-header PCM WAV of 16-bit interleaved samples. */
export function encodeWav(samples: Int16Array, sampleRate: number, channels: number): Buffer {
  const dataBytes = samples.length * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(dataBytes, 40);
  const data = endianness() === 'LE' ? Buffer.from(samples.buffer, samples.byteOffset, dataBytes) : Buffer.alloc(dataBytes);
  if (endianness() === 'BE') samples.forEach((sample, index) => data.writeInt16LE(sample, index * 2));
  return Buffer.concat([header, data]);
}
