import 'server-only';
import { formatUsd } from '@/lib/generation/request-fields';
import type { TrackerDeps } from '@/lib/tasks/deps';

export type OverBalance = { clips: number; costCents: number; balanceCents: number };

/** A sweep or import whose estimate the key's balance cannot cover, in the user's words. */
export function overBalanceMessage({ clips, costCents, balanceCents }: OverBalance): string {
  return `These ${clips} clips would cost about ${formatUsd(costCents)}, more than the API key’s balance of ${formatUsd(balanceCents)}. Top up the balance, or start fewer, shorter or lower-resolution clips.`;
}

/**
 * A batch's estimate against the key's balance, before anything is stored. The brief cache answers first; only a
 * refusal is confirmed with a fresh reading (a top-up a moment ago counts). No readable balance refuses nothing:
 * the service's 402 and the credit pause still guard the sends.
 */
export async function checkBalance(
  { clips, costCents }: { clips: number; costCents: number },
  balanceUsd: TrackerDeps['balanceUsd'],
): Promise<{ ok: true } | ({ ok: false; message: string } & OverBalance)> {
  if (!balanceUsd || costCents <= 0) return { ok: true };
  const covers = (usd: number | undefined) => usd === undefined || Math.round(usd * 100) >= costCents;
  if (covers(await balanceUsd())) return { ok: true };
  const fresh = await balanceUsd({ fresh: true });
  if (fresh === undefined || covers(fresh)) return { ok: true };
  const over = { clips, costCents, balanceCents: Math.round(fresh * 100) };
  return { ok: false, message: overBalanceMessage(over), ...over };
}
