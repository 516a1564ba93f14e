import { describe, expect, it } from 'vitest';
import { countActivity, DONE_KEEP_MS, progressOf, summaryOf, titleWithCount, visibleActivity } from './activity';
import type { GenerationState } from './states';

const T0 = 1_800_000_000_000;
const clip = (state: GenerationState, more: Partial<{ submittedAt: number | null; completedAt: number | null }> = {}) => ({
  state,
  createdAt: T0,
  submittedAt: T0 + 2_000,
  completedAt: null,
  expectedDurationMs: 60_000,
  ...more,
});

describe('progress toward the documented time', () => {
  it('counts from the send, and never reaches the end before the clip is there', () => {
    expect(progressOf(clip('processing'), T0 + 32_000)).toEqual({ elapsedMs: 30_000, fraction: 0.5, remainingMs: 30_000, overdue: false });
    expect(progressOf(clip('processing'), T0 + 200_000)).toMatchObject({ fraction: 0.97, remainingMs: 0, overdue: true });
    expect(progressOf(clip('sending', { submittedAt: null }), T0 + 6_000)).toMatchObject({ elapsedMs: 6_000, fraction: 0.1 });
  });

  it('is empty while queued and full when done, with the time it took', () => {
    expect(progressOf(clip('queued', { submittedAt: null }), T0 + 9_000)).toEqual({ elapsedMs: 9_000, fraction: 0, remainingMs: 60_000, overdue: false });
    expect(progressOf(clip('success', { completedAt: T0 + 50_000 }), T0 + 999_000)).toEqual({ elapsedMs: 48_000, fraction: 1, remainingMs: 0, overdue: false });
  });

  it('is empty, not full, for a clip that ended without a video: a bar must not read 100 % for a failure', () => {
    for (const state of ['failed', 'unknown', 'cancelled'] as const) {
      expect(progressOf(clip(state, { completedAt: T0 + 50_000 }), T0 + 999_000)).toEqual({ elapsedMs: 48_000, fraction: 0, remainingMs: 0, overdue: false });
    }
  });
});

describe('what the panel lists and counts', () => {
  const views = [
    { id: 'run', state: 'processing' as const, completedAt: null },
    { id: 'wait', state: 'queued' as const, completedAt: null },
    { id: 'wait2', state: 'queued' as const, completedAt: null },
    { id: 'new', state: 'success' as const, completedAt: T0 },
    { id: 'old', state: 'success' as const, completedAt: T0 - DONE_KEEP_MS },
    { id: 'gone', state: 'cancelled' as const, completedAt: T0 },
    { id: 'bad', state: 'failed' as const, completedAt: T0 },
    { id: 'hidden', state: 'failed' as const, completedAt: T0 },
  ];

  it('drops cancelled, dismissed and long-finished clips', () => {
    expect(visibleActivity(views, new Set(['hidden']), T0 + 1).map((view) => view.id)).toEqual(['run', 'wait', 'wait2', 'new', 'bad']);
  });

  it('sums up as "1 running · 2 queued · 1 done · 1 failed"', () => {
    expect(summaryOf(countActivity(visibleActivity(views, new Set(['hidden']), T0 + 1)))).toBe('1 running · 2 queued · 1 done · 1 failed');
    expect(summaryOf(countActivity([]))).toBe('Nothing running');
  });
});

describe('the tab title', () => {
  it('puts the count in front once, and gives the plain title back at zero', () => {
    expect(titleWithCount('Studio · Wan Studio', 3)).toBe('(3) Studio · Wan Studio');
    expect(titleWithCount('(3) Studio · Wan Studio', 4)).toBe('(4) Studio · Wan Studio');
    expect(titleWithCount('(4) Studio · Wan Studio', 0)).toBe('Studio · Wan Studio');
  });
});
