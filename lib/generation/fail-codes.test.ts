import { describe, expect, it } from 'vitest';
import { explainFailure, TOP_UP_HREF } from './fail-codes';

// Fail codes are free text: the docs spell the same failure two ways, and any code we do not know is shown as it came.

describe('explainFailure', () => {
  it.each([
    ['CONTENT_VIOLATION', 'SensitiveContentDetected'],
    ['PROMPT_TOO_LONG', 'PromptLengthExceeded'],
    ['INSUFFICIENT_CREDITS', 'HTTP_402'],
  ])('gives %s and %s the same plain explanation', (one, other) => {
    expect(explainFailure(other)).toEqual(explainFailure(one));
    expect(explainFailure(one).title).not.toMatch(/generation failed/);
  });

  it('explains a refused start image apart from a refused prompt', () => {
    expect(explainFailure('InputImageSensitiveContentDetected').title).toBe('The start image was refused by the safety filter');
  });

  it('explains a track the service could not use (the second model)', () => {
    expect(explainFailure('INVALID_AUDIO_URL')).toMatchObject({ title: 'The service could not use the sound track', advice: expect.stringContaining('WAV or MP3') });
  });

  it('says the key is out of credit and links to topping it up', () => {
    expect(explainFailure('HTTP_402')).toMatchObject({ title: 'The API key is out of credit', link: { href: TOP_UP_HREF, label: 'Top up the balance' } });
  });

  it.each(['QUOTA_BURST', 'SomethingNew', 'constructor', '__proto__', 'toString'])('names an unknown code (%s) verbatim', (code) => {
    expect(explainFailure(code)).toEqual({ title: `The generation failed (${code})`, advice: expect.any(String) });
  });

  it('has words for no code at all, and for any server error', () => {
    expect(explainFailure(null).title).toBe('The generation failed');
    expect(explainFailure('HTTP_503').title).toBe('The service had an internal error');
  });
});
