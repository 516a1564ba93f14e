import { describe, expect, it } from 'vitest';
import type { GenerationWithAuthor } from '@/db/queries/generations';
import { renderProblem, shotsOf } from './chain-shots';

let n = 0;
const take = (position: number, values: Partial<GenerationWithAuthor> = {}) =>
  ({ id: `take-${++n}`, chainPosition: position, state: 'success', archivePath: `t${n}.mp4`, resolution: '720p', model: 'wan-2-5', mode: 'image-to-video', aspectRatio: '16:9', ...values }) as GenerationWithAuthor;

describe('a chain’s shots', () => {
  it('puts takes in place order, the newest good take current, a failed new take never displacing it', () => {
    const opening = take(1);
    const good = take(2);
    const failed = take(2, { state: 'failed' });
    const shots = shotsOf([opening, failed, good]);
    expect(shots.map((shot) => [shot.position, shot.current.id, shot.takes.length])).toEqual([
      [1, opening.id, 1],
      [2, good.id, 2],
    ]);
    // Only failures: the newest failure is what the shot shows.
    expect(shotsOf([opening, failed])[1]?.current.id).toBe(failed.id);
  });

  it('renders only every shot finished, in one model and resolution, with no place missing', () => {
    expect(renderProblem(shotsOf([take(1)]))).toMatch(/two shots or more/);
    expect(renderProblem(shotsOf([take(1), take(2, { state: 'processing', archivePath: null })]))).toBe('Shot 2 is not finished and archived yet.');
    expect(renderProblem(shotsOf([take(1), take(2, { resolution: '1080p' })]))).toMatch(/^Shot 2 is 1080p/);
    expect(renderProblem(shotsOf([take(1), take(3)]))).toMatch(/in the trash/);
    expect(renderProblem(shotsOf([take(1), take(2), take(3)]))).toBeNull();
  });
});
