export type ActionResult<T, F = Record<string, string[] | undefined>> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: F };

export const refusal = {
  401: 'Your session has ended. Sign in again to continue.',
  403: 'Your role in this team cannot do that.',
} as const;
