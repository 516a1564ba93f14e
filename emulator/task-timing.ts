import { createHash } from 'node:crypto';
import { FAILOVER_DELAY_MS, PROVIDER_PROFILES, type ServingProvider } from './providers';

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
  /** Absent means the documented baseline. */
  provider?: ServingProvider;
  failedOver?: boolean;
}

/** Total generation time in ms, deterministic per taskId so a task never changes its mind. */
export function plannedGenerationMs({ taskId, resolution, duration, timeScale, provider, failedOver }: TaskTimingInput): number {
  const { min, max } = GENERATION_SECONDS[resolution];
  const seconds = min + (max - min) * unitFraction(taskId);
  const clipFactor = duration === 10 ? TEN_SECOND_CLIP_FACTOR : 1;
  const providerFactor = provider ? PROVIDER_PROFILES[provider].timeFactor : 1;
  const failoverMs = failedOver ? FAILOVER_DELAY_MS : 0;
  return Math.round((seconds * clipFactor * providerFactor * 1000 + failoverMs) * timeScale);
}

function unitFraction(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 0x1_0000_0000;
}
