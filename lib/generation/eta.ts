import type { GenerationRequest } from './schema';

type Timing = Pick<GenerationRequest, 'resolution'> & { duration: number };

/** The documented typical generation time: ≈50–70 s at 720p, ≈70–90 s at 1080p; a 10 s clip takes longer. */
export function expectedDurationMs({ resolution, duration }: Timing): number {
  const base = resolution === '1080p' ? 80_000 : 60_000;
  return duration === 10 ? base * 1.5 : base;
}

/** The documented advice: wait before the first status call, then poll every few seconds. */
export function firstPollDelayMs({ resolution, duration }: Timing): number {
  const base = resolution === '1080p' ? 70_000 : 50_000;
  return duration === 10 ? base * 1.5 : base;
}

export const POLL_INTERVAL_MS = 5_000;
