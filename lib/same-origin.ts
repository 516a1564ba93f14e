/**
 * Whether a state-changing request comes from our own pages. Browsers say so in Sec-Fetch-Site; a form post
 * under `Referrer-Policy: no-referrer` carries `Origin: null`, so Origin alone cannot tell. Without either
 * header it is not a browser's cross-site form (a script with the session cookie), and passes as before.
 */
export function fromOurPages(request: Request, publicUrl: string | undefined): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  return origin === new URL(request.url).origin || (publicUrl !== undefined && origin === new URL(publicUrl).origin);
}
