// Exactly one tab of a browser announces each finished clip: the claim is a read-modify-write of one
// localStorage record, made while holding an exclusive Web Lock that every tab of the origin shares.

export type ClaimStorage = Pick<Storage, 'getItem' | 'setItem'>;
export type ClaimLocks = { request<T>(name: string, callback: () => T | Promise<T>): Promise<T> };

const RECORD = 'wan-studio:announced';
const LOCK = 'wan-studio:announce';
/** Claims are kept this long: long enough that no tab can still be about to announce the same clip. */
const KEEP_MS = 24 * 60 * 60_000;

function readClaims(storage: ClaimStorage, now: number): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(RECORD) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && now - entry[1] < KEEP_MS));
  } catch {
    return {};
  }
}

/**
 * True for the first caller of `key` in this browser (every tab sharing `storage` and `locks`), false for every
 * later one. Without Web Locks (older browsers) the record alone decides: a rare double is possible there.
 */
export async function claimOnce(key: string, { storage, locks, now = Date.now }: { storage: ClaimStorage; locks?: ClaimLocks; now?: () => number }): Promise<boolean> {
  const claim = () => {
    const at = now();
    const claims = readClaims(storage, at);
    if (key in claims) return false;
    claims[key] = at;
    try {
      storage.setItem(RECORD, JSON.stringify(claims));
    } catch {
      // Storage full or blocked: announce here rather than nowhere.
    }
    return true;
  };
  return locks ? locks.request(LOCK, claim) : claim();
}

/** The browser's own storage and locks, when it has them. */
export function browserClaimDeps(): { storage: ClaimStorage; locks?: ClaimLocks } | undefined {
  if (typeof window === 'undefined') return undefined;
  try {
    return { storage: window.localStorage, locks: navigator.locks };
  } catch {
    return undefined;
  }
}
