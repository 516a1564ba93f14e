import { describe, expect, it } from 'vitest';
import { applyTaskStatus, backoffAfterError } from './apply-status';

const now = new Date('2026-11-25T12:00:00Z');
const row = (patch: { pollCount?: number; submittedAt?: Date }) => ({
  pollCount: 0,
  submittedAt: new Date(now.getTime() - 60_000),
  resolution: '720p' as const,
  duration: 5,
  ...patch,
});

describe('applyTaskStatus', () => {
  it('keeps an open task on the 5 s schedule', () => {
    const change = applyTaskStatus(row({ pollCount: 2 }), { taskId: 't', state: 'processing', createTime: 1 }, now, 1);
    expect(change.state).toBe('processing');
    expect(change.pollCount).toBe(3);
    expect(change.nextPollAt?.getTime()).toBe(now.getTime() + 5_000);
  });

  it('records the result URLs and the service’s timings on success, and stops polling', () => {
    const change = applyTaskStatus(
      row({}),
      { taskId: 't', state: 'success', resultJson: { resultUrls: ['https://cdn.example/v.mp4'] }, createTime: 1_000, completeTime: 61_000, costTime: 60_000 },
      now,
      1,
    );
    expect(change).toMatchObject({ state: 'success', resultUrls: ['https://cdn.example/v.mp4'], apiCostTime: 60_000, nextPollAt: null });
    expect(change.apiCompleteTime?.getTime()).toBe(61_000);
  });

  it('keeps the fail code and message of a failed task', () => {
    const change = applyTaskStatus(row({}), { taskId: 't', state: 'failed', failCode: 'CONTENT_VIOLATION', failMsg: 'no' }, now, 1);
    expect(change).toMatchObject({ state: 'failed', failCode: 'CONTENT_VIOLATION', failMsg: 'no', nextPollAt: null });
  });

  it('marks a task open 15× longer than expected as timed out, and keeps asking every 5 minutes', () => {
    const stuck = row({ submittedAt: new Date(now.getTime() - 16 * 60_000) });
    const change = applyTaskStatus(stuck, { taskId: 't', state: 'processing' }, now, 1);
    expect(change.state).toBe('timed_out');
    expect(change.nextPollAt?.getTime()).toBe(now.getTime() + 5 * 60_000);
    expect(applyTaskStatus(stuck, { taskId: 't', state: 'success', resultJson: { resultUrls: ['https://x.example/v.mp4'] } }, now, 1).state).toBe('success');
  });
});

describe('backoffAfterError', () => {
  it('doubles the wait after each failed status call, capped at a minute', () => {
    const waits = [0, 1, 2, 3, 5, 9].map((pollErrors) => (backoffAfterError({ pollErrors }, now, 1).nextPollAt?.getTime() ?? 0) - now.getTime());
    expect(waits).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('waits at least as long as the service asked', () => {
    const change = backoffAfterError({ pollErrors: 0 }, now, 1, 30_000);
    expect((change.nextPollAt?.getTime() ?? 0) - now.getTime()).toBe(30_000);
  });
});
