import Link from 'next/link';
import type { StackGroupHeading as Heading } from './visible-items';

const COMPARE_MAX = 16;

/** Above each group of an open stack: a sweep with its seeds (and a way to compare them), or the clips made alone. */
export function StackGroupHeading({ group }: { group: Heading }) {
  const count = group.ids.length;
  const title = group.sweepId ? `Sweep of ${count} seed${count === 1 ? '' : 's'}` : count === 1 ? 'Made on its own' : `${count} made one at a time`;
  return (
    <div className="col-span-full flex flex-wrap items-baseline gap-x-3 gap-y-1 border-b border-line pb-1.5 pt-2" data-testid="stack-group" data-sweep={group.sweepId !== null}>
      <h2 className="text-sm font-medium text-ink">{title}</h2>
      <p className="font-mono text-xs text-muted">
        {count === 1 ? 'seed' : 'seeds'} {group.seeds.join(' · ')}
      </p>
      {group.sweepId && count >= 2 && count <= COMPARE_MAX && (
        <Link href={`/compare?ids=${group.ids.join(',')}`} className="ml-auto text-xs text-muted underline-offset-2 hover:text-ink hover:underline">
          Compare this sweep
        </Link>
      )}
    </div>
  );
}
