// `node scripts/make-icons.mjs`: renders public/icon.svg (the one drawn icon) into the raster icons browsers
// ask for, with sharp (installed with Next). Run it after changing the SVG and commit what it writes.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const dir = path.join(import.meta.dirname, '..', 'public');
const svg = fs.readFileSync(path.join(dir, 'icon.svg'));
const png = (size, { padded = false } = {}) => {
  const image = sharp(svg, { density: (72 * size) / 32 }).resize(size, size);
  // iOS draws its own rounded mask: the touch icon is a full square of the background colour.
  return (padded ? image.flatten({ background: '#5b3fd9' }) : image).png({ compressionLevel: 9 }).toBuffer();
};

/** An ICO file holding PNG images (supported by every browser since IE Vista): header, directory, data. */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

const sizes = [16, 32, 48];
fs.writeFileSync(path.join(dir, 'favicon.ico'), ico(await Promise.all(sizes.map(async (size) => ({ size, data: await png(size) })))));
fs.writeFileSync(path.join(dir, 'apple-touch-icon.png'), await png(180, { padded: true }));
fs.writeFileSync(path.join(dir, 'icon-192.png'), await png(192));
fs.writeFileSync(path.join(dir, 'icon-512.png'), await png(512));
console.log('wrote public/favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png');
