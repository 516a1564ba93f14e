import { describe, expect, it } from 'vitest';
import { formatBytes } from './disk-space';

describe('formatBytes', () => {
  it('says sizes as the team page and refusals show them', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(640 * 1024)).toBe('640 KB');
    expect(formatBytes(1.2 * 1024 ** 3)).toBe('1.2 GB');
    expect(formatBytes(20 * 1024 ** 3)).toBe('20 GB');
  });
});
