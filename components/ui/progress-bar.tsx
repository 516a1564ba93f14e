/**
 * The one clip progress bar: a thin track whose fill eases to `fraction` (0–1, clamped) over a second, announced
 * as a progressbar from 0 to 100 under `label`. Spans, so it may sit inside a button.
 */
export function ProgressBar({ label, fraction }: { label: string; fraction: number }) {
  const percent = Math.min(1, Math.max(0, fraction)) * 100;
  return (
    <span role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)} className="block h-1 overflow-hidden rounded-full bg-raised">
      <span className="block h-full rounded-full bg-accent transition-[width] duration-1000 ease-linear" style={{ width: `${percent}%` }} />
    </span>
  );
}
