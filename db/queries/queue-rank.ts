/**
 * The queue rank that sends a queued clip first among its team's queued clips (`teamFirst` is the lowest rank
 * queued in the team, the clip's own included): just below it, so the move writes one row and leaves every
 * other clip's rank alone. `null` when it is first already.
 */
export function frontRank(self: number, teamFirst: number): number | null {
  return self <= teamFirst ? null : teamFirst - 1;
}
