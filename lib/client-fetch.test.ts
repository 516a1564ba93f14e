import { describe, expect, it } from 'vitest';
import { watchQuery } from './client-fetch';

describe('watchQuery', () => {
  it('sends each id with the version the page shows, in a stable order', () => {
    const versions: Record<string, string> = { b: 'processing..', a: 'success..' };
    expect(decodeURIComponent(watchQuery(['b', 'a'], (id) => versions[id]))).toBe('w=a~success..,b~processing..');
    expect(decodeURIComponent(watchQuery(['c'], () => undefined))).toBe('w=c~');
  });
});
