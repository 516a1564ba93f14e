export function formatClock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * "Dec 1, 2026, 5:42 PM" (en, medium date, short time), in the browser's zone or in UTC (then marked so).
 * By hand on purpose: the first Intl.DateTimeFormat of a page loads locale data on the main thread while it
 * hydrates (≈ 25 ms here, 4× that on a phone), and every gallery tile shows a date.
 */
export function formatDate(ms: number, zone: 'local' | 'UTC' = 'local'): string {
  const date = new Date(ms);
  const utc = zone === 'UTC';
  const year = utc ? date.getUTCFullYear() : date.getFullYear();
  const month = MONTHS[utc ? date.getUTCMonth() : date.getMonth()];
  const day = utc ? date.getUTCDate() : date.getDate();
  const hours = utc ? date.getUTCHours() : date.getHours();
  const minutes = utc ? date.getUTCMinutes() : date.getMinutes();
  const time = `${hours % 12 || 12}:${String(minutes).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${month} ${day}, ${year}, ${time}${utc ? ' UTC' : ''}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function aspectStyle(ratio: string): { aspectRatio: string } {
  return { aspectRatio: ratio.replace(':', ' / ') };
}

/** A clip's prompt as lists show it: an image-to-video clip may have none (it follows its start image). */
export function shownPrompt(prompt: string): string {
  return prompt.trim() === '' ? 'No prompt: from its start image' : prompt;
}
