/** JSON error bodies that reveal nothing beyond the status. */
export function jsonError(status: 400 | 401 | 404 | 409 | 411 | 413 | 415 | 507, message: string): Response {
  return Response.json({ error: message }, { status, headers: { 'cache-control': 'no-store' } });
}

/** A refused request: signed out → 401; anything else looks exactly like a missing item (no existence oracle). */
export function denied(status: 401 | 403): Response {
  return status === 401 ? jsonError(401, 'Sign in to continue') : jsonError(404, 'Not found');
}

/** A member may know their own role: signed out → 401; a viewer asking to spend the team's money → 403. */
export function cannotGenerate(status: 401 | 403): Response {
  return status === 401 ? denied(401) : Response.json({ error: 'Your role cannot generate' }, { status: 403 });
}
