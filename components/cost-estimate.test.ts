import { describe, expect, it } from 'vitest';
import { samePrices } from '@/lib/generation/request-fields';
import { costLine } from './cost-estimate';

const prices = samePrices({ '480p': 5, '720p': 10, '1080p': 15 });

describe('the cost under Generate', () => {
  it('prices one clip of the current setup per second, by resolution', () => {
    expect(costLine({ resolution: '720p', duration: 5 }, prices)).toBe('≈ $0.50 · 5 s at 720p');
    expect(costLine({ resolution: '720p', duration: 10 }, prices)).toBe('≈ $1.00 · 10 s at 720p');
    expect(costLine({ resolution: '1080p', duration: 10 }, prices)).toBe('≈ $1.50 · 10 s at 1080p');
  });

  it('prices a wan-2-5-video clip at that model’s rates, and says the model', () => {
    const table = { 'wan-2-5': { '480p': 6, '720p': 6, '1080p': 10 }, 'wan-2-5-video': { '480p': 5, '720p': 10, '1080p': 15 } };
    expect(costLine({ model: 'wan-2-5-video', resolution: '480p', duration: 5 }, table)).toBe('≈ $0.25 · 5 s at 480p on Wan 2.5 Video');
    expect(costLine({ model: 'wan-2-5', resolution: '1080p', duration: 5 }, table)).toBe('≈ $0.50 · 5 s at 1080p');
  });

  it('follows the configured table', () => {
    expect(costLine({ resolution: '1080p', duration: 5 }, samePrices({ '480p': 4, '720p': 8, '1080p': 13 }))).toBe('≈ $0.65 · 5 s at 1080p');
  });
});
