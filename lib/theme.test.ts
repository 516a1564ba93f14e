import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { themeAttribute, themeFromCookie, themes } from './theme';
import { themeSchema } from './theme-schema';

describe('theme preference', () => {
  it('accepts exactly system, light and dark, the same values the users column holds', () => {
    expect(themes).toEqual(users.theme.enumValues);
    for (const theme of themes) expect(themeSchema.parse(theme)).toBe(theme);
    for (const bad of ['Dark', 'sepia', '', 1, null]) expect(themeSchema.safeParse(bad).success).toBe(false);
    expect(themeSchema.safeParse('sepia').error?.issues[0]?.message).toBe('Choose system, light or dark.');
  });

  it('reads a cookie as a theme, and anything else as no choice', () => {
    expect(themeFromCookie('dark')).toBe('dark');
    expect(themeFromCookie(undefined)).toBeUndefined();
    expect(themeFromCookie('dark; path=/')).toBeUndefined();
  });

  it('system sets no attribute, so the page follows the device', () => {
    expect(themeAttribute('system')).toBeUndefined();
    expect(themeAttribute('light')).toBe('light');
    expect(themeAttribute('dark')).toBe('dark');
  });
});
