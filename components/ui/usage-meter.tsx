/** "<label>: <used> of <limit> used" and a bar that turns red from 90 %; values come formatted. */
export function UsageMeter({ label, used, limit, fraction, testId }: { label: string; used: string; limit: string; fraction: number; testId?: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="space-y-2">
      <p className="text-sm" data-testid={testId}>
        {label}: {used} of {limit} used
      </p>
      <div role="meter" aria-label={`${label} used`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full max-w-md overflow-hidden rounded-full bg-raised">
        <div className={`h-full rounded-full ${percent >= 90 ? 'bg-danger' : 'bg-accent'}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
