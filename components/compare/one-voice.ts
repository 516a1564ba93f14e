// Compare plays the sound of one clip at a time: several soundtracks at once are noise, not a comparison.

/** The clip being heard (its place in the comparison), or null while every clip is muted. */
export type Voice = number | null;

/** Unmuting a clip makes it the one heard (muting whichever was); muting the one heard leaves silence. */
export function toggleVoice(heard: Voice, clip: number): Voice {
  return heard === clip ? null : clip;
}

/** Whether a clip is muted while `heard` is the one heard: every clip but that one. */
export function mutedIn(heard: Voice, clip: number): boolean {
  return heard !== clip;
}

/**
 * The voice kept for this set of clips: a choice made for another set (the page now compares other clips)
 * means silence, so a new comparison always starts muted.
 */
export function voiceFor(chosen: { identity: string; heard: Voice }, identity: string): Voice {
  return chosen.identity === identity ? chosen.heard : null;
}
