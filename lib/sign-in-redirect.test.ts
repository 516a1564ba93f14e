import { describe, expect, it } from 'vitest';
import { signInRedirectPath } from './sign-in-redirect';

describe('signInRedirectPath', () => {
  it.each([
    ['the issue’s probe, as the page receives it decoded', decodeURIComponent('/%09/evil.example')],
    ['a tab the browser would drop', '/\t/evil.example'],
    ['a newline the browser would drop', '/\n/evil'],
    ['a carriage return', '/\r/evil'],
    ['a NUL', '/\u0000/evil'],
    ['DEL', '/\u007f/evil'],
    ['a backslash the browser reads as a slash', '/\\evil.example'],
    ['a backslash later in the path', '/gallery\\..\\\\evil.example'],
    ['a scheme-relative URL', '//evil.example'],
    ['an absolute URL', 'https://evil.example'],
    ['an absolute URL to our own host', 'http://localhost:3000/gallery'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['dot segments that collapse to //', '/.//evil.example'],
    ['parent segments that collapse to //', '/a/..//evil.example'],
    ['a relative path', 'gallery'],
    ['empty', ''],
    ['nothing', undefined],
  ])('sends %s home', (_label, attack) => {
    expect(signInRedirectPath(attack)).toBe('/');
  });

  it('checks the first value when the parameter is repeated', () => {
    expect(signInRedirectPath(['//evil.example', '/gallery'])).toBe('/');
    expect(signInRedirectPath(['/gallery', '//evil.example'])).toBe('/gallery');
  });

  it.each([
    ['/', '/'],
    ['/gallery', '/gallery'],
    ['/gallery?view=grid&q=red%20fox', '/gallery?view=grid&q=red%20fox'],
    ['/gallery/123#lineage', '/gallery/123#lineage'],
    ['/invite/abc-123', '/invite/abc-123'],
    ['/compare?ids=a,b', '/compare?ids=a,b'],
    // Still encoded, so still one path segment on our origin.
    ['/%09/evil.example', '/%09/evil.example'],
    ['/gallery/./trash', '/gallery/trash'],
  ])('keeps the same-origin path %s', (path, expected) => {
    expect(signInRedirectPath(path)).toBe(expected);
  });
});
