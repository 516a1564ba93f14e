/** A stack's clips split by how they were made: each sweep together, and the clips made on their own. */
export type StackGroup<T> = { sweepId: string | null; members: T[] };

/**
 * Groups a stack's clips (newest first) by sweep, keeping the order they came in: the newest clip's group
 * comes first and leads with it, and a sweep's clips stay in the order its seeds were asked for (a sweep
 * is stored newest first in that order). Clips made on their own form one group.
 */
export function groupStack<T>(members: readonly T[], sweepOf: (member: T) => string | null): StackGroup<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const member of members) {
    const sweepId = sweepOf(member);
    const group = groups.get(sweepId);
    if (group) group.push(member);
    else groups.set(sweepId, [member]);
  }
  return [...groups].map(([sweepId, list]) => ({ sweepId, members: list }));
}

/** The order to compare a stack in: what was made first comes first, a sweep in the order it was asked for. */
export function compareOrder<T>(members: readonly T[], sweepOf: (member: T) => string | null): T[] {
  return groupStack(members, sweepOf)
    .reverse()
    .flatMap((group) => (group.sweepId === null ? [...group.members].reverse() : group.members));
}
