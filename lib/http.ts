// The one way route handlers answer an error, and the one check that a state-changing request is ours.
import 'server-only';
import { getEnv } from '@/lib/env';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 411 | 413 | 415 | 416 | 429 | 503 | 507;

/**
 * An error answer: `{ error: message, ...extra }` as JSON, never cached. `headers` add to it (a 416's
 * Content-Range); `cache-control: no-store` always wins.
 */
export function problem(status: ProblemStatus, message: string, extra?: Record<string, unknown>, headers?: HeadersInit): Response {
  const merged = new Headers(headers);
  merged.set('cache-control', 'no-store');
  return Response.json({ error: message, ...extra }, { status, headers: merged });
}

/** A refused request: signed out → 401; anything else looks exactly like a missing item (no existence oracle). */
export function denied(status: 401 | 403): Response {
  return status === 401 ? problem(401, 'Sign in to continue') : missing();
}

/** A missing item, another team's item and a malformed id all answer this. */
export function missing(): Response {
  return problem(404, 'Not found');
}

/** A member may know their own role: signed out → 401; a viewer asking to spend the team's money → 403. */
export function cannotGenerate(status: 401 | 403): Response {
  return status === 401 ? denied(401) : problem(403, 'Your role cannot generate');
}

/** Refuses a state-changing request from another site's page (see `sameOrigin`). */
export function crossSite(): Response {
  return problem(400, 'Cross-site request refused');
}

/**
 * Whether a state-changing request comes from our own pages. Browsers say so in Sec-Fetch-Site; a form post
 * under `Referrer-Policy: no-referrer` carries `Origin: null`, so Origin alone cannot tell. Without either
 * header it is not a browser's cross-site form (a script with the session cookie), and passes as before.
 */
export function sameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  const { publicUrl } = getEnv();
  return origin === new URL(request.url).origin || (publicUrl !== undefined && origin === new URL(publicUrl).origin);
}

/** Our storage (the disk, or the STORAGE_URL bucket) did not answer: try again, nothing is lost. */
export function storageUnavailable(): Response {
  return problem(503, 'The studio’s storage is not answering right now; try again in a moment.', undefined, { 'retry-after': '5' });
}
