import 'server-only';
import { cookies } from 'next/headers';
import { getSessionUser } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { THEME_COOKIE, themeFromCookie, type Theme } from './theme';

const YEAR_S = 365 * 24 * 60 * 60;

/** The browser's mirror of the person's theme, so the root layout renders in it before any script runs. */
export async function rememberTheme(theme: Theme): Promise<void> {
  (await cookies()).set(THEME_COOKIE, theme, { httpOnly: true, secure: getEnv().https, sameSite: 'lax', path: '/', maxAge: YEAR_S });
}

/** This browser's remembered theme, if any. */
export async function rememberedTheme(): Promise<Theme | undefined> {
  return themeFromCookie((await cookies()).get(THEME_COOKIE)?.value);
}

/** The theme a page renders in: the signed-in person's choice (any device), else this browser's, else the device's. */
export async function pageTheme(): Promise<Theme> {
  const user = await getSessionUser();
  return user?.theme ?? (await rememberedTheme()) ?? 'system';
}
