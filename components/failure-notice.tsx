import { explainFailure } from '@/lib/generation/fail-codes';

export function FailureNotice({ code, message }: { code: string | null; message: string | null }) {
  const { title, advice } = explainFailure(code);
  return (
    <div data-testid="failure" className="space-y-1 rounded-lg border border-danger/30 bg-danger/5 p-3 text-sm">
      <p className="font-medium text-danger">{title}</p>
      <p className="text-ink/80">{advice}</p>
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
