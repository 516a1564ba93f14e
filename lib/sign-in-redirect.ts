const base = 'http://callback.invalid';
// Browsers strip tabs and newlines from URLs and read '\' as '/': "/\t/evil" and "/\evil" both land on //evil.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeCharacter = /[\\\u0000-\u001f\u007f]/;

/** Only same-origin paths: a sign-in link must never redirect to another origin. Anything else becomes '/'. */
export function signInRedirectPath(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || unsafeCharacter.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse into a scheme-relative path: "/.//evil" normalises to "//evil".
  return path.startsWith('//') ? '/' : path;
}
