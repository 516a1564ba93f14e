// One clip player is heard at a time on a page: unmuting one mutes the one heard before it (two clips'
// sound at once is noise). A module-level slot, since the players of a page share nothing else.

type Silence = () => void;

let heard: Silence | null = null;

/** This player is now heard: the one heard before it is muted first. */
export function claimSound(silence: Silence): void {
  if (heard && heard !== silence) heard();
  heard = silence;
}

/** This player went quiet (muted or gone): nobody is heard until the next claim. */
export function releaseSound(silence: Silence): void {
  if (heard === silence) heard = null;
}
