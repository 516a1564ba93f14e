import Link from 'next/link';
import type { GenerationView } from '@/lib/generation/view';
import { shownPrompt } from '@/components/format';

type Node = { id: string; seed: number; prompt: string; state: GenerationView['state']; chainId?: string | null; chainPosition?: number | null };

/** How a node came from the one above it: a chain's next shot (from its last frame), or a remix of it. */
function shotNote(node: Node, above: Node | undefined): string | undefined {
  if (node.chainId == null || node.chainPosition == null) return undefined;
  return above?.chainId === node.chainId && above.chainPosition !== node.chainPosition ? `next shot · shot ${node.chainPosition}` : `shot ${node.chainPosition}`;
}

const joined = (...notes: (string | undefined)[]) => notes.filter(Boolean).join(' · ') || undefined;

function Row({ node, current, note }: { node: Node; current?: boolean; note?: string }) {
  const body = (
    <>
      <span className="shrink-0 whitespace-nowrap font-mono text-xs">seed {node.seed}</span>
      <span className="truncate text-xs text-muted">{shownPrompt(node.prompt)}</span>
      {note && <span className="ml-auto shrink-0 text-xs text-muted">{note}</span>}
    </>
  );
  return current ? (
    <div aria-current="true" className="flex items-center gap-2 rounded-md bg-accent/10 px-2 py-1 text-accent">
      {body}
    </div>
  ) : (
    <Link href={`/gallery/${node.id}`} className="flex items-center gap-2 rounded-md px-2 py-1 hover:bg-raised">
      {body}
    </Link>
  );
}

/** Where this clip came from and what was made from it: ancestors above, children below; a chain's shots say so. */
export function LineageTree({ ancestors, current, children }: { ancestors: Node[]; current: Node; children: (Node & { children: number })[] }) {
  if (ancestors.length === 0 && children.length === 0) return null;
  return (
    <section className="space-y-2" aria-labelledby="lineage-heading" data-testid="lineage">
      <h2 id="lineage-heading" className="text-sm font-medium text-muted">
        Lineage
      </h2>
      <ol className="space-y-0.5 border-l border-line pl-3">
        {ancestors.map((node, depth) => (
          <li key={node.id} style={{ paddingLeft: `${depth * 0.75}rem` }} data-testid="lineage-ancestor">
            <Row node={node} note={shotNote(node, ancestors[depth - 1])} />
          </li>
        ))}
        <li style={{ paddingLeft: `${ancestors.length * 0.75}rem` }}>
          <Row node={current} current note={joined(shotNote(current, ancestors.at(-1)), 'this clip')} />
          {children.length > 0 && (
            <ul className="mt-0.5 space-y-0.5 border-l border-line pl-3">
              {children.map((child) => (
                <li key={child.id} data-testid="lineage-child">
                  <Row node={child} note={joined(shotNote(child, current), child.children ? `+${child.children}` : undefined)} />
                </li>
              ))}
            </ul>
          )}
        </li>
      </ol>
    </section>
  );
}
