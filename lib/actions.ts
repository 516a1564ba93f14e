import 'server-only';
import type { z } from 'zod';
import type { Action } from '@/lib/auth/authz';
import { authorize, getAdminUser, getSessionUser, type SessionUser, type StudioContext } from '@/lib/auth/session';

/** What every server action answers: its data, or a message to show (and, for forms, the fields at fault). */
export type ActionResult<T, F = Record<string, string[] | undefined>> = { ok: true; data: T } | Failure<F>;
export type Failure<F = Record<string, string[] | undefined>> = { ok: false; message: string; fieldErrors?: F };

const refusal = {
  401: 'Your session has ended. Sign in again to continue.',
  403: 'Your role in this team cannot do that.',
  admin: 'Only the studio’s administrator can do that.',
} as const;

export const ok = <T>(data: T): { ok: true; data: T } => ({ ok: true, data });
export const fail = <F = never>(message: string, fieldErrors?: F): Failure<F> => (fieldErrors === undefined ? { ok: false, message } : { ok: false, message, fieldErrors });

/** The default answer to a refused input: its first message, in one line. */
const firstMessage = (error: z.ZodError): Failure<never> => fail(error.issues[0]?.message ?? 'That request is not valid.');

/**
 * An action's arguments: one schema for a single argument, or a list of schemas, one per positional
 * argument (parsed in order; the first that fails answers). Arguments beyond the list are ignored.
 */
type Schemas = z.ZodType | readonly z.ZodType[];
type Args<S extends Schemas> = S extends z.ZodType ? [input: z.input<S>] : { -readonly [K in keyof S]: z.input<S[K]> };
type Parsed<S extends Schemas> = S extends z.ZodType ? z.output<S> : { -readonly [K in keyof S]: z.output<S[K]> };
/** How a refused input is answered: one fixed line, or words made from the error (default: its first message). */
type Invalid<F> = string | ((error: z.ZodError) => Failure<F>);

function parse<S extends Schemas, F>(schemas: S, args: unknown[], invalid: Invalid<F> = firstMessage): { ok: true; data: Parsed<S> } | Failure<F> {
  const list: readonly z.ZodType[] = Array.isArray(schemas) ? schemas : [schemas as z.ZodType];
  const values: unknown[] = [];
  for (const [index, schema] of list.entries()) {
    const parsed = schema.safeParse(args[index]);
    if (!parsed.success) return typeof invalid === 'string' ? fail(invalid) : invalid(parsed.error);
    values.push(parsed.data);
  }
  return { ok: true, data: (Array.isArray(schemas) ? values : values[0]) as Parsed<S> };
}

type Body<S extends Schemas, C, T, F> = (input: Parsed<S>, context: C) => Promise<ActionResult<T, F>>;
type Wrapped<S extends Schemas, T, F> = (...args: Args<S>) => Promise<ActionResult<T, F>>;

/** For a member of the current team who may do `permission` there; the body gets the parsed input and the studio context. */
export function teamAction<const S extends Schemas, T, F = never>(permission: Action, schemas: S, body: Body<S, StudioContext, T, F>, invalid?: Invalid<F>): Wrapped<S, T, F> {
  return async (...args) => {
    const auth = await authorize(permission);
    if (!auth.ok) return fail(refusal[auth.status]);
    const input = parse(schemas, args, invalid);
    return input.ok ? body(input.data, auth.context) : input;
  };
}

/** For anyone signed in, in a team or not (switching, creating and joining teams). */
export function userAction<const S extends Schemas, T, F = never>(schemas: S, body: Body<S, { user: SessionUser }, T, F>, invalid?: Invalid<F>): Wrapped<S, T, F> {
  return async (...args) => {
    const user = await getSessionUser();
    if (!user) return fail(refusal[401]);
    const input = parse(schemas, args, invalid);
    return input.ok ? body(input.data, { user }) : input;
  };
}

/** For the studio's administrator only. */
export function adminAction<const S extends Schemas, T, F = never>(schemas: S, body: Body<S, { admin: SessionUser }, T, F>, invalid?: Invalid<F>): Wrapped<S, T, F> {
  return async (...args) => {
    const admin = await getAdminUser();
    if (!admin) return fail((await getSessionUser()) ? refusal.admin : refusal[401]);
    const input = parse(schemas, args, invalid);
    return input.ok ? body(input.data, { admin }) : input;
  };
}

/** For signed-out callers (signing up): only the input is checked. */
export function publicAction<const S extends Schemas, T, F = never>(schemas: S, body: Body<S, Record<string, never>, T, F>, invalid?: Invalid<F>): Wrapped<S, T, F> {
  return async (...args) => {
    const input = parse(schemas, args, invalid);
    return input.ok ? body(input.data, {}) : input;
  };
}
