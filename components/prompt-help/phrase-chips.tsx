'use client';

/** Phrases as chips that wrap; each click hands its phrase to `onPick`. */
export function PhraseChips({ label, phrases, onPick }: { label: string; phrases: readonly string[]; onPick: (phrase: string) => void }) {
  return (
    <div className="space-y-2">
      <p className="text-xs font-medium text-muted">{label}: click to insert at the cursor</p>
      <ul className="flex flex-wrap gap-1.5" aria-label={label}>
        {phrases.map((phrase) => (
          <li key={phrase}>
            <button
              type="button"
              onClick={() => onPick(phrase)}
              aria-label={`Insert “${phrase}”`}
              className="rounded-full border border-line bg-surface px-2.5 py-1 text-xs text-ink transition hover:border-accent"
            >
              {phrase}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
