import type { GenerationWithAuthor } from '@/db/queries/generations';
import { isFailure } from '@/lib/generation/states';

const failedOrCancelled = (state: GenerationWithAuthor['state']) => isFailure(state) || state === 'cancelled';

// A chain's takes as its shots: one place after another, each with its current take (the newest) and the rest.

export type ChainShot = { position: number; current: GenerationWithAuthor; takes: GenerationWithAuthor[] };

/**
 * Takes (by place, newest first, as listChainTakes reads them) as shots in order. A shot's current take is its
 * newest one that is done or on its way; a failed new take never displaces a good one.
 */
export function shotsOf(takes: GenerationWithAuthor[]): ChainShot[] {
  const shots = new Map<number, GenerationWithAuthor[]>();
  for (const take of takes) {
    if (take.chainPosition === null) continue;
    shots.set(take.chainPosition, [...(shots.get(take.chainPosition) ?? []), take]);
  }
  return [...shots.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([position, list]) => {
      const current = list.find((take) => !failedOrCancelled(take.state)) ?? list[0];
      return current ? [{ position, current, takes: list }] : [];
    });
}

/** Whether the chain's last render joined exactly these shots' current takes (none replaced or deleted since). */
export function renderIsCurrent(chain: { renderKey: string | null; renderOf: string[] | null }, shots: ChainShot[]): boolean {
  return chain.renderKey !== null && JSON.stringify(chain.renderOf) === JSON.stringify(shots.map((shot) => shot.current.id));
}

/** Why a chain cannot be rendered as one file now, or null when it can: every current take done and archived, one size. */
export function renderProblem(shots: ChainShot[]): string | null {
  if (shots.length < 2) return 'A chain needs two shots or more to render.';
  const gap = shots.find((shot, index) => shot.position !== index + 1);
  if (gap) return `Shot ${gap.position - 1 > 0 ? gap.position - 1 : 1} is in the trash: restore it, or the chain would jump. Nothing was rendered.`;
  const waiting = shots.find((shot) => shot.current.state !== 'success' || !shot.current.archivePath);
  if (waiting) return `Shot ${waiting.position} is not finished and archived yet.`;
  const [first] = shots;
  const size = (shot: ChainShot) => `${shot.current.resolution} ${shot.current.mode === 'image-to-video' ? '' : shot.current.aspectRatio}`.trim();
  const other = shots.find((shot) => shot.current.resolution !== first?.current.resolution || shot.current.model !== first.current.model);
  if (other && first) return `Shot ${other.position} is ${size(other)} on ${other.current.model}, shot 1 ${size(first)} on ${first.current.model}: a chain renders as one file only when its shots share one model and resolution.`;
  return null;
}
