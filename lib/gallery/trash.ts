/** Deleted clips stay restorable this long, then go for good with their videos. */
export const TRASH_DAYS = 30;
