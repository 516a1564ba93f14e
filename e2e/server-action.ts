import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { E2E } from './env';

// A server action is a POST to a page that renders it, named by the id the build gave it. The tests call the
// studio's own actions this way (sign-up, teams, invites), exactly as its forms do, without driving the forms.

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
type Manifest = { node: Record<string, ManifestEntry> };

export type ServerAction = { file: string; name: string };

export const actions = {
  signUp: { file: 'app/(auth)/actions.ts', name: 'signUp' },
  createTeam: { file: 'app/(studio)/team/actions.ts', name: 'createTeamAction' },
  createInvite: { file: 'app/(studio)/team/actions.ts', name: 'createInviteAction' },
  acceptInvite: { file: 'app/(studio)/team/actions.ts', name: 'acceptInviteAction' },
  createShare: { file: 'app/(studio)/team/actions.ts', name: 'createShareAction' },
  trashClips: { file: 'app/(studio)/gallery/actions.ts', name: 'trashClips' },
} as const satisfies Record<string, ServerAction>;

let manifest: Manifest | undefined;

/** The id and a page serving it, from the production build the studio under test runs. */
function locate({ file, name }: ServerAction): { id: string; pagePath: string } {
  manifest ??= JSON.parse(fs.readFileSync(path.join('.next', 'server', 'server-reference-manifest.json'), 'utf8')) as Manifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in ${file}: rebuild the studio (next build)`);
  const [id, entry] = found;
  // `app/(studio)/team/page` → `/team`: route groups are not part of the URL.
  const worker = Object.keys(entry.workers)[0] ?? '';
  const pagePath = `/${worker.replace(/^app\//, '').replace(/\/?page$/, '').split('/').filter((part) => !part.startsWith('(')).join('/')}`;
  return { id, pagePath };
}

/** Calls the action with these arguments in this request context (its cookies are the caller's session). */
export async function callAction<T>(request: APIRequestContext, action: ServerAction, ...args: unknown[]): Promise<T> {
  return callActionAt<T>(E2E.baseUrl, request, action, ...args);
}

/** `callAction` against a studio at another origin (the benchmarks start their own). */
export async function callActionAt<T>(origin: string, request: APIRequestContext, action: ServerAction, ...args: unknown[]): Promise<T> {
  const { id, pagePath } = locate(action);
  const response = await request.post(pagePath, {
    headers: { 'next-action': id, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await response.text();
  if (response.status() !== 200) throw new Error(`${action.name}: HTTP ${response.status()} ${body.slice(0, 200)}`);
  // The answer is a React flight stream: row 0 points at the row holding the action's return value.
  const rows = new Map(body.split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]));
  const pointer = /"a":"\$@(\w+)"/.exec(rows.get('0') ?? '')?.[1];
  const value = pointer === undefined ? undefined : rows.get(pointer);
  if (value === undefined) throw new Error(`${action.name}: no return value in ${body.slice(0, 200)}`);
  return JSON.parse(value) as T;
}
