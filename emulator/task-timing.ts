import { createHash } from 'node:crypto';
import { DEFAULT_MODEL, MODELS, type ModelId, type Resolution } from './models';
import { FAILOVER_DELAY_MS, PROVIDER_PROFILES, type ServingProvider } from './providers';

export const TEN_SECOND_CLIP_FACTOR = 1.5;
export const PENDING_FRACTION = 0.15;

export interface TaskTimingInput {
  taskId: string;
  /** Absent means the first model; each model's times per resolution are in `models.ts`. */
  model?: ModelId;
  resolution: Resolution;
  duration: 5 | 10;
  timeScale: number;
  /** Absent means the documented baseline. */
  provider?: ServingProvider;
  failedOver?: boolean;
}

/** Total generation time in ms, deterministic per taskId so a task never changes its mind. */
export function plannedGenerationMs({ taskId, model = DEFAULT_MODEL, resolution, duration, timeScale, provider, failedOver }: TaskTimingInput): number {
  const range = MODELS[model].generationSeconds[resolution];
  if (!range) throw new Error(`${model} has no ${resolution}`);
  const { min, max } = range;
  const seconds = min + (max - min) * unitFraction(taskId);
  const clipFactor = duration === 10 ? TEN_SECOND_CLIP_FACTOR : 1;
  const providerFactor = provider ? PROVIDER_PROFILES[provider].timeFactor : 1;
  const failoverMs = failedOver ? FAILOVER_DELAY_MS : 0;
  return Math.round((seconds * clipFactor * providerFactor * 1000 + failoverMs) * timeScale);
}

function unitFraction(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 0x1_0000_0000;
}
