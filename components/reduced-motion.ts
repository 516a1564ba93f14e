/** Whether the person asked for less motion: then clips keep their still instead of playing on their own or on hover. */
export const stillPreferred = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
