import { z } from 'zod';
import '@/lib/zod-jitless';
import { type ConcreteGenerationRequest, type GenerationRequest, SEED_MAX, seedSchema } from './schema';

export const SWEEP_MIN = 2;
export const SWEEP_MAX = 16;

const countSchema = z.coerce
  .number({ error: `Choose ${SWEEP_MIN}–${SWEEP_MAX} seeds` })
  .int(`Choose ${SWEEP_MIN}–${SWEEP_MAX} seeds`)
  .min(SWEEP_MIN, `A sweep needs at least ${SWEEP_MIN} seeds`)
  .max(SWEEP_MAX, `A sweep has at most ${SWEEP_MAX} seeds`);

/** The resolution axis's two values: both models take both, at every frame either offers there. */
export const RESOLUTION_AXIS = ['720p', '1080p'] as const;

export const sweepAxes = ['none', 'duration', 'resolution', 'enablePromptExpansion'] as const;
export type SweepAxis = (typeof sweepAxes)[number];

/** The one schema of a seed sweep: the sweep form and the server action share it. */
export const sweepSchema = z.object({
  seeds: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('next'), from: seedSchema, count: countSchema }),
    z.object({ kind: z.literal('random'), count: countSchema }),
    z.object({
      kind: z.literal('list'),
      list: z
        .string()
        .max(400)
        .transform((text) => text.split(/[\s,;]+/).filter(Boolean))
        .pipe(
          z
            .array(z.string().regex(/^\d{1,10}$/, 'Seeds are whole numbers').transform(Number).pipe(seedSchema))
            .min(SWEEP_MIN, `List at least ${SWEEP_MIN} seeds`)
            .max(SWEEP_MAX, `List at most ${SWEEP_MAX} seeds`)
            .refine((seeds) => new Set(seeds).size === seeds.length, 'Each seed once'),
        ),
    }),
  ]),
  axis: z.enum(sweepAxes).default('none'),
});
export type SweepInput = z.input<typeof sweepSchema>;
export type Sweep = z.output<typeof sweepSchema>;

/** The seeds a sweep runs, in order. "Next" wraps past the largest seed back to 0. */
export function sweepSeeds(seeds: Sweep['seeds'], random: () => number): number[] {
  if (seeds.kind === 'list') return seeds.list;
  if (seeds.kind === 'next') return Array.from({ length: seeds.count }, (_, i) => (seeds.from + i) % (SEED_MAX + 1));
  const picked = new Set<number>();
  while (picked.size < seeds.count) picked.add(random());
  return [...picked];
}

/** The second axis's two values: both settings, whatever the base request had. */
function axisValues(axis: SweepAxis): Partial<GenerationRequest>[] {
  switch (axis) {
    case 'duration':
      return [{ duration: 5 }, { duration: 10 }];
    case 'resolution':
      return RESOLUTION_AXIS.map((resolution) => ({ resolution }));
    case 'enablePromptExpansion':
      return [{ enablePromptExpansion: false }, { enablePromptExpansion: true }];
    case 'none':
      return [{}];
  }
}

/** Every request of the sweep: the base with each seed, crossed with the axis; nothing else changes. */
export function expandSweep(base: GenerationRequest, sweep: Sweep, random: () => number): ConcreteGenerationRequest[] {
  const seeds = sweepSeeds(sweep.seeds, random);
  return seeds.flatMap((seed) => axisValues(sweep.axis).map((change) => ({ ...base, ...change, seed })));
}

/** How many clips a sweep makes, before it is run (random seeds are not drawn yet). */
export function sweepSize(sweep: Sweep): number {
  const seeds = sweep.seeds.kind === 'list' ? sweep.seeds.list.length : sweep.seeds.count;
  return seeds * (sweep.axis === 'none' ? 1 : 2);
}
