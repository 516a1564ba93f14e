import { createHash } from 'node:crypto';

/** An sRGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** The colours of one text-to-video scene, top of the sky to the nearest hills. */
export interface Palette {
  zenith: Rgb;
  horizon: Rgb;
  sun: Rgb;
  cloud: Rgb;
  farHills: Rgb;
  nearHills: Rgb;
  /** A night sky: faint stars above the horizon. */
  stars?: true;
}

interface NamedPalette {
  words: readonly string[];
  palette: Palette;
}

const hex = (value: number): Rgb => [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
const palette = (zenith: number, horizon: number, sun: number, cloud: number, farHills: number, nearHills: number): Palette => ({
  zenith: hex(zenith),
  horizon: hex(horizon),
  sun: hex(sun),
  cloud: hex(cloud),
  farHills: hex(farHills),
  nearHills: hex(nearHills),
});

/** Words a prompt is likely to use, and the light they suggest. The word appearing first in the prompt wins. */
const NAMED_PALETTES: readonly NamedPalette[] = [
  { words: ['sunset', 'dusk', 'golden', 'autumn', 'fire', 'warm', 'amber'], palette: palette(0x2e2a5a, 0xf4a259, 0xffe3a3, 0xf7b69b, 0x8c4a5e, 0x3b2142) },
  { words: ['sunrise', 'dawn', 'morning', 'spring', 'pink', 'blossom'], palette: palette(0x7d8fc4, 0xf7c6b5, 0xfff4d6, 0xfde2e4, 0xb58fa6, 0x5e4b6e) },
  { words: ['ocean', 'sea', 'beach', 'water', 'wave', 'waves', 'river', 'lake', 'rain', 'rainy', 'boat'], palette: palette(0x12456e, 0x9fd8e6, 0xf6f3e4, 0xe4f3f7, 0x2f7fa3, 0x0d3b58) },
  { words: ['forest', 'jungle', 'tree', 'trees', 'woods', 'moss', 'green', 'garden', 'meadow'], palette: palette(0x6f9a86, 0xdfe8c8, 0xfaf6dc, 0xeef3e2, 0x4e7a5c, 0x1f3d2c) },
  { words: ['night', 'moon', 'moonlit', 'midnight', 'star', 'stars', 'starry', 'dark'], palette: { ...palette(0x070b22, 0x2d3f78, 0xe9eef9, 0x55628f, 0x1a2450, 0x080c1f), stars: true } },
  { words: ['neon', 'cyber', 'cyberpunk', 'synth', 'synthwave', 'retro', 'city', 'electric'], palette: palette(0x16032e, 0xff4f9a, 0xffd35c, 0x9b5cff, 0x5a1a7a, 0x1d0a33) },
  { words: ['desert', 'sand', 'dune', 'dunes', 'canyon'], palette: palette(0x5f8fc0, 0xf6d9a8, 0xfff7e0, 0xfbe9cf, 0xd19a66, 0x8a5a3b) },
  { words: ['snow', 'winter', 'ice', 'frozen', 'mountain', 'mountains', 'arctic'], palette: palette(0x7f9cc4, 0xe8eef5, 0xffffff, 0xf4f7fb, 0xa9b9cf, 0x5f7391) },
  { words: ['space', 'galaxy', 'cosmic', 'nebula', 'planet'], palette: { ...palette(0x05030f, 0x472a6e, 0xf2d7ff, 0x7b4fa8, 0x2a1747, 0x0b0619), stars: true } },
];

const WORD_PALETTES = new Map(NAMED_PALETTES.flatMap(({ words, palette }) => words.map((word) => [word, palette] as const)));

/** The scene's colours: named by the prompt's first telling word, otherwise picked from a hash of the prompt. */
export function paletteFor(prompt: string, negativePrompt: string): Palette {
  for (const word of prompt.toLowerCase().split(/[^\p{L}]+/u)) {
    const named = WORD_PALETTES.get(word);
    if (named) return named;
  }
  const digest = createHash('sha256').update(`${prompt}\u0000${negativePrompt}`).digest();
  return hashedPalette((digest.readUInt16BE(0) / 0xffff) * 360);
}

/** Analogous, muted colours around one hue: calm whatever the hue. */
function hashedPalette(hue: number): Palette {
  return {
    zenith: hsl(hue + 25, 0.42, 0.24),
    horizon: hsl(hue - 20, 0.55, 0.74),
    sun: hsl(hue - 35, 0.85, 0.9),
    cloud: hsl(hue - 10, 0.35, 0.86),
    farHills: hsl(hue + 10, 0.28, 0.45),
    nearHills: hsl(hue + 25, 0.32, 0.2),
  };
}

function hsl(hueDegrees: number, saturation: number, lightness: number): Rgb {
  const hue = ((hueDegrees % 360) + 360) % 360;
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - chroma / 2;
  const sectors: Rgb[] = [
    [chroma, x, 0],
    [x, chroma, 0],
    [0, chroma, x],
    [0, x, chroma],
    [x, 0, chroma],
    [chroma, 0, x],
  ];
  const [r, g, b] = sectors[Math.floor(hue / 60)] ?? [0, 0, 0];
  const byte = (channel: number) => Math.round((channel + m) * 255);
  return [byte(r), byte(g), byte(b)];
}
