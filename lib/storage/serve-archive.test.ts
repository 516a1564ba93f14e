import { describe, expect, it } from 'vitest';
import { parseByteRange } from './serve-archive';

describe('parseByteRange', () => {
  it('serves the whole file without a Range header', () => {
    expect(parseByteRange(null, 100)).toBeUndefined();
  });
  it('reads start-end, open-ended and suffix ranges', () => {
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
  });
  it('answers unsatisfiable ranges with 416', () => {
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=9-3', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 100)).toBe('unsatisfiable');
  });
  it('ignores malformed or multi-range headers and serves the file', () => {
    expect(parseByteRange('items=0-1', 100)).toBeUndefined();
    expect(parseByteRange('bytes=0-1,5-6', 100)).toBeUndefined();
  });
});
