export type ActionResult<T, F = Record<string, string[] | undefined>> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: F };

export const refusal = {
  401: 'Your session has ended. Sign in again to continue.',
  403: 'Your role in this team cannot do that.',
} as const;

/** A refused input's first message, for actions that answer with one line. */
export function firstError(error: { issues: readonly { message: string }[] }): string {
  return error.issues[0]?.message ?? 'That request is not valid.';
}
