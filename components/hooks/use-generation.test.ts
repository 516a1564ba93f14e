import { describe, expect, it } from 'vitest';
import type { GenerationView } from '@/lib/generation/view';
import { pollIntervalFor } from './use-generation';

const base = { state: 'processing', archived: false, nextRefreshAt: null } as unknown as GenerationView;
const at = (patch: Partial<GenerationView>) => ({ ...base, ...patch });

describe('pollIntervalFor', () => {
  it('stops polling once a clip is finished and archived, or failed', () => {
    expect(pollIntervalFor(at({ state: 'success', archived: true }))).toBe(false);
    expect(pollIntervalFor(at({ state: 'failed' }))).toBe(false);
    expect(pollIntervalFor(at({ state: 'unknown' }))).toBe(false);
  });

  it('keeps watching a finished clip until its archived copy exists', () => {
    expect(pollIntervalFor(at({ state: 'success', archived: false }))).toBe(2_000);
  });

  it('polls just after the server’s next refresh, within 0.5–2 s', () => {
    expect(pollIntervalFor(at({ nextRefreshAt: 10_000 }), 9_000)).toBe(1_150);
    expect(pollIntervalFor(at({ nextRefreshAt: 60_000 }), 0)).toBe(2_000);
    expect(pollIntervalFor(at({ nextRefreshAt: 1_000 }), 5_000)).toBe(500);
  });
});
