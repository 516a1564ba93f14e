import { describe, expect, it } from 'vitest';
import { appendTerms, insertPhrase } from './insert-phrase';

const at = (text: string, caret = text.length, phrase = 'slow dolly in', max = 800) => insertPhrase({ text, start: caret, end: caret, phrase, max });

describe('inserting a chip into the prompt', () => {
  it('starts an empty prompt with the phrase', () => {
    expect(at('')).toEqual({ ok: true, text: 'slow dolly in', cursor: 13 });
  });

  it('follows the prompt with a comma, or a space after punctuation it already has', () => {
    expect(at('a fox in the snow')).toMatchObject({ text: 'a fox in the snow, slow dolly in' });
    expect(at('a fox in the snow, ')).toMatchObject({ text: 'a fox in the snow, slow dolly in' });
    expect(at('A fox in the snow.')).toMatchObject({ text: 'A fox in the snow. slow dolly in' });
  });

  it('goes in at the caret, separated on both sides, with the caret after it', () => {
    const text = 'a fox in the snow, golden light';
    const result = at(text, text.indexOf(' golden'));
    expect(result).toEqual({ ok: true, text: 'a fox in the snow, slow dolly in, golden light', cursor: 'a fox in the snow, slow dolly in'.length });
    expect(at('a fox, golden light', 0)).toMatchObject({ text: 'slow dolly in, a fox, golden light' });
  });

  it('replaces a selection', () => {
    const text = 'a fox, static shot, snow';
    const start = text.indexOf('static shot');
    expect(insertPhrase({ text, start, end: start + 'static shot'.length, phrase: 'orbiting shot', max: 800 })).toMatchObject({ text: 'a fox, orbiting shot, snow' });
  });

  it('refuses a phrase the prompt already has', () => {
    expect(at('a fox, Slow dolly in')).toEqual({ ok: false, message: '“slow dolly in” is already in the prompt.' });
  });

  it('refuses rather than cuts when the prompt would pass its limit', () => {
    const text = 'x'.repeat(790);
    expect(at(text)).toEqual({ ok: false, message: 'Adding “slow dolly in” would make the prompt 805 characters, over the 800 allowed. Shorten it first.' });
    expect(at('x'.repeat(785))).toMatchObject({ ok: true });
  });
});

describe('adding negative-prompt terms', () => {
  it('appends only the terms not there yet', () => {
    expect(appendTerms({ text: 'watermark, Blurry', addition: 'low quality, blurry, shaky', max: 500 })).toMatchObject({ ok: true, text: 'watermark, Blurry, low quality, shaky' });
    expect(appendTerms({ text: '', addition: 'low quality, blurry', max: 500 })).toMatchObject({ text: 'low quality, blurry' });
  });

  it('says so when every term is there, and refuses past the limit', () => {
    expect(appendTerms({ text: 'blurry, shaky', addition: 'shaky, blurry', max: 500 })).toEqual({ ok: false, message: 'Those terms are already in the negative prompt.' });
    expect(appendTerms({ text: 'x'.repeat(495), addition: 'blurry', max: 500 })).toMatchObject({ ok: false });
  });
});
