import 'server-only';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '../index';
import { generations } from '../schema';

/** `chainPosition`: the clip's place when it is a shot of a chain (a shot's next shot is one of its children). */
export type LineageNode = {
  id: string;
  seed: number;
  prompt: string;
  state: (typeof generations.$inferSelect)['state'];
  createdAt: Date;
  parentId: string | null;
  chainId: string | null;
  chainPosition: number | null;
};

const nodeColumns = {
  id: generations.id,
  seed: generations.seed,
  prompt: generations.prompt,
  state: generations.state,
  createdAt: generations.createdAt,
  parentId: generations.parentId,
  chainId: generations.chainId,
  chainPosition: generations.chainPosition,
};

/** Parent, grandparent… up to `max`, oldest first; stops at a clip that is gone or in another team. */
export async function listAncestors({ teamId, parentId, max = 12 }: { teamId: string; parentId: string | null; max?: number }): Promise<LineageNode[]> {
  const chain: LineageNode[] = [];
  let next = parentId;
  while (next && chain.length < max) {
    const node = getDb()
      .select(nodeColumns)
      .from(generations)
      .where(and(eq(generations.id, next), eq(generations.teamId, teamId), isNull(generations.deletedAt)))
      .get();
    if (!node || chain.some((seen) => seen.id === node.id)) break;
    chain.unshift(node);
    next = node.parentId;
  }
  return chain;
}

/** Clips made from this one (reproductions, new seeds, remixes), oldest first, with how many each has. */
export async function listChildren({ teamId, id, limit = 24 }: { teamId: string; id: string; limit?: number }): Promise<(LineageNode & { children: number })[]> {
  const children = getDb()
    .select(nodeColumns)
    .from(generations)
    .where(and(eq(generations.parentId, id), eq(generations.teamId, teamId), isNull(generations.deletedAt)))
    .orderBy(asc(generations.createdAt))
    .limit(limit)
    .all();
  if (children.length === 0) return [];
  const counts = getDb()
    .select({ parentId: generations.parentId, n: count() })
    .from(generations)
    .where(and(inArray(generations.parentId, children.map((child) => child.id)), eq(generations.teamId, teamId), isNull(generations.deletedAt)))
    .groupBy(generations.parentId)
    .all();
  const byParent = new Map(counts.map((row) => [row.parentId, row.n]));
  return children.map((child) => ({ ...child, children: byParent.get(child.id) ?? 0 }));
}
