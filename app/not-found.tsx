import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main className="grid min-h-dvh place-items-center px-4">
      <div className="max-w-sm space-y-3 text-center">
        <p className="font-mono text-sm text-muted">404</p>
        <h1 className="text-xl font-semibold">Nothing here</h1>
        <p className="text-sm text-muted">This clip or page does not exist, or it belongs to a team you are not part of.</p>
        <Link href="/" className={buttonClass('primary')}>
          Back to the studio
        </Link>
      </div>
    </main>
  );
}
