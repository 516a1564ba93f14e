'use client';

const ASKED = 'wan-studio:notify-asked';

/**
 * Asks once for browser notifications, at the person's first generation (never on page load): call it in the
 * Generate click or key press itself, where browsers allow the prompt.
 */
export function askToNotifyOnce(): void {
  try {
    if (typeof Notification === 'undefined' || Notification.permission !== 'default' || window.localStorage.getItem(ASKED)) return;
    window.localStorage.setItem(ASKED, '1');
    void Notification.requestPermission().catch(() => undefined);
  } catch {
    // No storage or no Notification API: the toast and the sound still tell.
  }
}
