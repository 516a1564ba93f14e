'use client';

import type { GenerationView } from '@/lib/generation/view';
import { GenerationParams } from './generation-params';
import { useGeneration } from './hooks/generation-watch';

/** A clip page's parameters, kept current by the tab's long poll: times appear the moment the clip is done. */
export function LiveGenerationParams({ initial }: { initial: GenerationView }) {
  const { data } = useGeneration(initial);
  return <GenerationParams view={data} />;
}
