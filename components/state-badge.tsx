import type { GenerationView } from '@/lib/generation/view';

const labels: Record<GenerationView['state'], { text: string; tone: string }> = {
  queued: { text: 'Queued', tone: 'bg-raised text-muted' },
  sending: { text: 'Sending', tone: 'bg-raised text-muted' },
  pending: { text: 'Waiting', tone: 'bg-raised text-muted' },
  processing: { text: 'Generating', tone: 'bg-accent/15 text-accent' },
  success: { text: 'Done', tone: 'bg-success/15 text-success' },
  failed: { text: 'Failed', tone: 'bg-danger/15 text-danger' },
  unknown: { text: 'Unconfirmed', tone: 'bg-warning/15 text-warning' },
  timed_out: { text: 'Taking long', tone: 'bg-warning/15 text-warning' },
  cancelled: { text: 'Cancelled', tone: 'bg-raised text-muted' },
};

export function StateBadge({ state }: { state: GenerationView['state'] }) {
  const { text, tone } = labels[state];
  return (
    <span data-testid="state" data-state={state} className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${tone}`}>
      {(state === 'processing' || state === 'pending') && <span className="size-1.5 animate-pulse rounded-full bg-current" />}
      {text}
    </span>
  );
}
