/** Every keyboard shortcut of the studio, as the `?` dialog lists them. A new shortcut adds its row here. */
export type Shortcut = {
  /** The keys as shown, pressed together (`['Ctrl', 'Enter']`); alternatives are separate rows. */
  keys: readonly string[];
  does: string;
  /** Where it works; the dialog groups by it. */
  where: 'Everywhere' | 'Studio' | 'Gallery' | 'Compare';
};

export const shortcuts: readonly Shortcut[] = [
  { keys: ['?'], does: 'Show these shortcuts', where: 'Everywhere' },
  { keys: ['Esc'], does: 'Close a dialog, clear the gallery selection', where: 'Everywhere' },
  { keys: ['Ctrl', 'Enter'], does: 'Generate (⌘ Enter on a Mac)', where: 'Studio' },
  { keys: ['/'], does: 'Search the gallery', where: 'Gallery' },
  { keys: ['j'], does: 'Next clip', where: 'Gallery' },
  { keys: ['k'], does: 'Previous clip', where: 'Gallery' },
  { keys: ['Enter'], does: 'Open the clip', where: 'Gallery' },
  { keys: ['f'], does: 'Favourite or unfavourite the clip', where: 'Gallery' },
  { keys: ['r'], does: 'Reproduce the clip (same request, same seed)', where: 'Gallery' },
  { keys: ['Space'], does: 'Play or pause every clip (focus in the comparison)', where: 'Compare' },
  { keys: ['←'], does: 'Back one second', where: 'Compare' },
  { keys: ['→'], does: 'Forward one second', where: 'Compare' },
];

/**
 * Whether a keydown may be taken as a one-key shortcut: not while typing in a field, not with Ctrl, ⌘ or Alt
 * (those belong to the browser and the system), not when a control already handled it.
 */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return true;
  return !target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

/**
 * Listens for the page's keydowns and marks `live` with `data-keys="on"` while it does: the listener attaches at
 * hydration, and a key pressed before that is the browser's (tests wait for the mark). Returns the clean-up.
 */
export function listenForKeys(onKey: (event: KeyboardEvent) => void, live: HTMLElement | null): () => void {
  window.addEventListener('keydown', onKey);
  live?.setAttribute('data-keys', 'on');
  return () => {
    window.removeEventListener('keydown', onKey);
    live?.removeAttribute('data-keys');
  };
}
