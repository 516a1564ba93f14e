import { createHash } from 'node:crypto';

/** Documented generation times for a 5 s clip, in seconds; a 10 s clip takes 1.5× as long. */
export const GENERATION_SECONDS = {
  '720p': { min: 50, max: 70 },
  '1080p': { min: 70, max: 90 },
} as const;

export const TEN_SECOND_CLIP_FACTOR = 1.5;
export const PENDING_FRACTION = 0.15;

export interface TaskTimingInput {
  taskId: string;
  resolution: keyof typeof GENERATION_SECONDS;
  duration: 5 | 10;
  timeScale: number;
}

/** Total generation time in ms, deterministic per taskId so a task never changes its mind. */
export function plannedGenerationMs({ taskId, resolution, duration, timeScale }: TaskTimingInput): number {
  const { min, max } = GENERATION_SECONDS[resolution];
  const seconds = min + (max - min) * unitFraction(taskId);
  const clipFactor = duration === 10 ? TEN_SECOND_CLIP_FACTOR : 1;
  return Math.round(seconds * clipFactor * 1000 * timeScale);
}

function unitFraction(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 0x1_0000_0000;
}
