import Link from 'next/link';
import { explainFailure } from '@/lib/generation/fail-codes';

/** A failure in plain words; `remixHref` offers to start again from this clip's settings. */
export function FailureNotice({ code, message, remixHref }: { code: string | null; message: string | null; remixHref?: string }) {
  const { title, advice } = explainFailure(code);
  return (
    <div data-testid="failure" className="space-y-1 rounded-lg border border-danger/30 bg-danger/5 p-3 text-sm">
      <p className="font-medium text-danger">{title}</p>
      <p className="text-ink/80">{advice}</p>
      {remixHref && code === 'INVALID_IMAGE_URL' && (
        <Link href={remixHref} className="inline-block font-medium text-accent underline-offset-2 hover:underline">
          Upload the image instead →
        </Link>
      )}
      {(message || code) && (
        <p className="font-mono text-xs text-muted">
          {code}
          {code && message ? ' · ' : ''}
          {message}
        </p>
      )}
    </div>
  );
}
