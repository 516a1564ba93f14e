import 'server-only';
import { cookies } from 'next/headers';
import { getEnv } from '@/lib/env';
import { CURRENT_TEAM_COOKIE } from './session';

const YEAR_S = 365 * 24 * 60 * 60;

/** Works in this team from now on (a preference only: membership is checked on every request). */
export async function rememberTeam(teamId: string): Promise<void> {
  (await cookies()).set(CURRENT_TEAM_COOKIE, teamId, { httpOnly: true, secure: getEnv().https, sameSite: 'lax', path: '/', maxAge: YEAR_S });
}
