import { costCents, formatUsd, type PriceTable } from '@/lib/generation/request-fields';
import type { StudioFormValues } from './studio-form-values';

type Sized = Pick<StudioFormValues, 'resolution' | 'duration'>;

/** “≈ $0.50 · 5 s at 720p”: one clip of this setup, from the studio's price table. */
export function costLine(values: Sized, prices: PriceTable): string {
  return `≈ ${formatUsd(costCents([values], prices))} · ${values.duration} s at ${values.resolution}`;
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
