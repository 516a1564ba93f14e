/** What the team keeps on the studio's disk against its share: a line of text and a bar. Sizes come formatted. */
export function StorageUsage({ used, limit, fraction }: { used: string; limit: string; fraction: number }) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="space-y-2">
      <p className="text-sm" data-testid="storage-usage">
        Storage: {used} of {limit} used
      </p>
      <div
        role="meter"
        aria-label="Storage used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full max-w-md overflow-hidden rounded-full bg-raised"
      >
        <div className={`h-full rounded-full ${percent >= 90 ? 'bg-danger' : 'bg-accent'}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
