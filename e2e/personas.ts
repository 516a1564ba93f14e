import type { APIRequest, APIRequestContext } from '@playwright/test';
import type { ActionResult } from '../lib/actions';
import { E2E } from './env';
import { actions, callAction } from './server-action';

export type Role = 'owner' | 'editor' | 'viewer' | 'outsider';
export type StorageState = Awaited<ReturnType<APIRequestContext['storageState']>>;
/** A signed-in account: its credentials and the cookies (session, device) its sign-in left. */
export type Account = { role: Role; name: string; email: string; password: string; storageState: StorageState };

export const personaNames: Record<Role, string> = { owner: 'Olive', editor: 'Eddie', viewer: 'Vera', outsider: 'Sam' };

/** The value of an action that must succeed here; a refusal fails the test with the studio's own words. */
function expectOk<T>(result: ActionResult<T, unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} was refused: ${result.message}`);
  return result.data;
}

/** next-auth's credentials sign-in, as its client does it: the CSRF token, then the callback. */
export async function signInByRequest(request: APIRequestContext, email: string, password: string): Promise<void> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
  const { url } = (await response.json()) as { url?: string };
  const cookies = (await request.storageState()).cookies.map((cookie) => cookie.name);
  if (!response.ok() || !url || new URL(url).searchParams.has('error') || !cookies.includes('next-auth.session-token')) {
    throw new Error(`sign-in of ${email} failed: HTTP ${response.status()} ${url ?? ''}`);
  }
}

/** A new account through the sign-up action, signed in once through next-auth: one per persona per worker. */
export async function createAccount(requests: APIRequest, role: Role, workerIndex: number): Promise<Account> {
  const name = personaNames[role];
  const email = `${role}-${workerIndex}-${Date.now()}-${process.pid}@example.test`;
  const password = 'correct horse battery';
  const request = await requests.newContext({ baseURL: E2E.baseUrl });
  try {
    expectOk(await callAction<ActionResult<{ email: string }>>(request, actions.signUp, { name, email, password }), `sign-up of ${email}`);
    await signInByRequest(request, email, password);
    return { role, name, email, password, storageState: await request.storageState() };
  } finally {
    await request.dispose();
  }
}

/** A new team owned by the caller, and their current team from now on (the action sets the team cookie). */
export async function startTeam(request: APIRequestContext, name: string): Promise<string> {
  return expectOk(await callAction<ActionResult<{ teamId: string }>>(request, actions.createTeam, name), `team ${name}`).teamId;
}

/** The owner invites, the member accepts: the member works in the owner's current team from now on. */
export async function joinTeam({ owner, member, role }: { owner: APIRequestContext; member: APIRequestContext; role: 'editor' | 'viewer' }): Promise<void> {
  const invite = await callAction<ActionResult<{ path: string }>>(owner, actions.createInvite, { role, maxUses: 1, expiresInDays: 1 });
  const token = expectOk(invite, `an ${role} invite`).path.split('/').pop();
  expectOk(await callAction<ActionResult<{ teamId: string }>>(member, actions.acceptInvite, token), `the ${role} invite`);
}
