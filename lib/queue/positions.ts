import 'server-only';
import { getDispatchTurns, largestQueuedTeam, listQueuedHeads } from '@/db/queries/queue';
import { fairOrder, personTurnKey, teamTurnKey } from './fair-order';

/**
 * Where each queued clip among `ids` stands in the real send order (1 = sent next): the dispatcher's own fair
 * turns (`fairOrder` over `listQueuedHeads` and the stored turns) played forward until every one is placed.
 * Teams take turns, so a team's clip waits at most (its team's queue) rounds of every other team and person:
 * that many heads per person are all it needs to read. Nothing queued among `ids`: an empty map.
 */
export async function queuePositions(ids: readonly string[]): Promise<Map<string, number>> {
  const wanted = new Set(ids);
  const rounds = await largestQueuedTeam({ ids: [...wanted] });
  if (rounds === 0) return new Map();
  const heads = await listQueuedHeads({ perPerson: rounds + 1 });
  const keys = new Set(heads.flatMap((clip) => [teamTurnKey(clip.teamId), personTurnKey(clip.teamId, clip.userId)]));
  const { ids: order } = fairOrder(heads, await getDispatchTurns({ keys: [...keys] }), heads.length);
  const positions = new Map<string, number>();
  order.forEach((id, index) => {
    if (wanted.has(id)) positions.set(id, index + 1);
  });
  return positions;
}
