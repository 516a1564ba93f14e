import { SEED_MAX } from './schema';

/** A uniformly random seed in the API's range, from the platform CSPRNG (browser or Node). */
export function randomSeed(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  return (buffer[0] ?? 0) % (SEED_MAX + 1);
}
