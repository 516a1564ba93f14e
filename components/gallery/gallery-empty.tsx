import Link from 'next/link';
import { buttonClass } from '../ui/button';

/** What an empty grid says: nothing yet, nothing matching, or an empty trash. */
export function GalleryEmpty({ kind }: { kind: 'none' | 'no-match' | 'trash' }) {
  const copy = {
    none: { title: 'No clips yet', text: 'Clips you and your team generate land here, kept with everything needed to reproduce them.' },
    'no-match': { title: 'Nothing matches', text: 'No clip matches this search and these filters. Loosen a filter or clear them all.' },
    trash: { title: 'The trash is empty', text: 'Deleted clips wait here for 30 days, so a slip of the finger never loses a clip.' },
  }[kind];
  return (
    <div data-testid="gallery-empty" className="grid min-h-80 place-items-center rounded-card border border-dashed border-line p-10 text-center">
      <div className="max-w-sm space-y-3">
        <p className="text-base font-medium">{copy.title}</p>
        <p className="text-sm text-muted">{copy.text}</p>
        {kind === 'none' && (
          <Link href="/" className={buttonClass('primary')}>
            Open the studio
          </Link>
        )}
        {kind === 'no-match' && (
          <Link href="/gallery" className={buttonClass('secondary')}>
            Clear filters
          </Link>
        )}
      </div>
    </div>
  );
}
