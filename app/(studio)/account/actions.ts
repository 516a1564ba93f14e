'use server';

import { setUserTheme } from '@/db/queries/users';
import { ok, userAction, type ActionResult } from '@/lib/actions';
import { rememberTheme } from '@/lib/theme-cookie';
import { themeSchema } from '@/lib/theme-schema';

/** The person's theme, kept on their account (every device they sign in on) and mirrored in this browser's cookie. */
export const setThemeAction = userAction(themeSchema, async (theme, { user }): Promise<ActionResult<null>> => {
  await setUserTheme({ id: user.id, theme });
  await rememberTheme(theme);
  return ok(null);
});
