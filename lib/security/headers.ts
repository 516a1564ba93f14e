/** What every response carries, pages, API routes and media alike. HSTS only once the studio is served over https. */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    // Share and invite tokens are in our paths: no page may leak them to another site.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    ...(https ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** Archived clips, posters and start frames: never sniffed as HTML, never a document that runs script. */
export const mediaHeaders = { 'x-content-type-options': 'nosniff', 'content-security-policy': 'sandbox' } as const;

/** API answers and media are not documents: nothing may load from them, and opened directly they run nothing. */
export const nonDocumentCsp = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** A fresh, unguessable nonce for one page render. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/** The origin of a URL, or undefined when it has none worth allowing (not http/https, unparsable). */
export function originOf(url: string): string | undefined {
  try {
    const { protocol, origin } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? origin : undefined;
  } catch {
    return undefined;
  }
}

/** The policy every page renders under; `mediaOrigins` are the hosts a not-yet-archived clip may play from. */
export function pageCsp({ nonce, dev, mediaOrigins }: { nonce: string; dev: boolean; mediaOrigins: string[] }): string {
  const directives = [
    "default-src 'self'",
    // React's dev build uses eval for its error overlay and stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React `style` attributes (progress bars, the A/B wipe) cannot carry a nonce; a nonce here would disable 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    ['media-src', "'self'", ...new Set(mediaOrigins)].join(' '),
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
  return directives.join('; ');
}
