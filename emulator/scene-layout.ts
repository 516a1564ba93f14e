import { createHash } from 'node:crypto';

/** A ridge line: two sine waves across the frame, in fractions of the frame height. */
export interface Ridge {
  /** Mean height of the ridge, from the top. */
  base: number;
  waves: readonly { amplitude: number; wavelength: number; phase: number }[];
  /** Drift in frame widths per second; the sign is the direction. */
  speed: number;
}

export interface Cloud {
  /** Start, as fractions of the frame. */
  x: number;
  y: number;
  /** Size, as fractions of the frame width and height. */
  width: number;
  height: number;
  /** Frame widths per second. */
  speed: number;
  opacity: number;
}

/** Where everything in a text-to-video scene is and how it moves: all from the seed. */
export interface SceneLayout {
  /** The horizon, as a fraction of the frame height from the top. */
  horizon: number;
  /** The sun's (or moon's) path from the first frame to the last, in fractions of the frame. */
  sun: { fromX: number; fromY: number; toX: number; toY: number };
  farRidge: Ridge;
  nearRidge: Ridge;
  clouds: readonly Cloud[];
}

/** Deterministic fractions in [0, 1) drawn from the seed, one after another. */
function seededFractions(seed: number): () => number {
  let counter = 0;
  return () => {
    const digest = createHash('sha256').update(`scene\u0000${seed}\u0000${counter++}`).digest();
    return digest.readUInt32BE(0) / 0x1_0000_0000;
  };
}

export function layoutFor(seed: number): SceneLayout {
  const next = seededFractions(seed);
  const between = (min: number, max: number) => min + (max - min) * next();
  const direction = next() < 0.5 ? -1 : 1;
  const horizon = between(0.56, 0.7);
  const sunX = between(0.2, 0.8);
  const rising = next() < 0.5;
  const sunY = horizon - between(0.12, 0.3);
  const ridge = (base: number, amplitude: number, speed: number): Ridge => ({
    base,
    waves: [
      { amplitude: amplitude * between(0.5, 1), wavelength: between(0.6, 1.2), phase: between(0, 2 * Math.PI) },
      { amplitude: amplitude * between(0.15, 0.35), wavelength: between(0.15, 0.3), phase: between(0, 2 * Math.PI) },
    ],
    speed: direction * speed,
  });
  return {
    horizon,
    sun: { fromX: sunX, fromY: sunY + (rising ? 0.04 : -0.04), toX: sunX + direction * 0.05, toY: sunY + (rising ? -0.04 : 0.04) },
    farRidge: ridge(horizon, 0.05, between(0.008, 0.014)),
    nearRidge: ridge(horizon + between(0.1, 0.16), 0.07, between(0.02, 0.03)),
    clouds: Array.from({ length: 3 }, (_, index) => ({
      x: between(-0.2, 0.9),
      y: between(0.08, horizon - 0.2),
      width: between(0.35, 0.6),
      height: between(0.06, 0.11),
      speed: direction * between(0.012, 0.03) * (1 + index * 0.3),
      opacity: between(0.25, 0.45),
    })),
  };
}
