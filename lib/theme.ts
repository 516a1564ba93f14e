// Plain values, no zod: the theme toggle is on every page. The action's schema is lib/theme-schema.ts.

/** How the studio looks: the device's setting (prefers-color-scheme), or always light or dark. */
export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/** The browser's copy of the person's choice, read by the root layout so the first paint is in it. */
export const THEME_COOKIE = 'studio-theme';

/** A cookie's value as a theme; anything else (missing, edited, old) is undefined. */
export function themeFromCookie(value: string | undefined): Theme | undefined {
  return themes.find((theme) => theme === value);
}

/** The `data-theme` attribute on <html>: none for `system`, so CSS follows the device. */
export function themeAttribute(theme: Theme): 'light' | 'dark' | undefined {
  return theme === 'system' ? undefined : theme;
}
