import { costCents, DEFAULT_MODEL, formatUsd, models, type PriceTable } from '@/lib/generation/request-fields';
import type { StudioFormValues } from './studio-form-values';

type Sized = Pick<StudioFormValues, 'resolution' | 'duration'> & Partial<Pick<StudioFormValues, 'model'>>;

/** “≈ $0.50 · 5 s at 720p”: one clip of this setup, at its model's prices (named when not the first). */
export function costLine(values: Sized, prices: PriceTable): string {
  const model = values.model && values.model !== DEFAULT_MODEL ? ` on ${models[values.model].label}` : '';
  return `≈ ${formatUsd(costCents([values], prices))} · ${values.duration} s at ${values.resolution}${model}`;
}

/** What one clip of the form's current setup is estimated to cost, under Generate. */
export function CostEstimate({ values, prices }: { values: Sized; prices?: PriceTable }) {
  if (!prices) return null;
  return (
    <p className="text-right text-xs text-muted tabular-nums" data-testid="cost-estimate">
      {costLine(values, prices)}
    </p>
  );
}
