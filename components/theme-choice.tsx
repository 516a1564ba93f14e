'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import { themeAttribute, themes, type Theme } from '@/lib/theme';

export type SetThemeAction = (theme: Theme) => Promise<ActionResult<null>>;

const labels: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** System / light / dark: applied at once on this page, then kept on the account and in this browser's cookie. */
export function ThemeChoice({ initial, setTheme }: { initial: Theme; setTheme: SetThemeAction }) {
  const [theme, setLocal] = useState(initial);
  const [failed, setFailed] = useState(false);
  const [, startTransition] = useTransition();
  function choose(next: Theme) {
    const previous = theme;
    setLocal(next);
    apply(next);
    startTransition(async () => {
      const result = await setTheme(next);
      setFailed(!result.ok);
      if (!result.ok) {
        setLocal(previous);
        apply(previous);
      }
    });
  }
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-xs font-medium text-muted">Theme</legend>
      <div className="flex rounded-lg border border-line bg-raised p-0.5" data-testid="theme-choice">
        {themes.map((option) => (
          <label
            key={option}
            className={`flex-1 cursor-pointer rounded-md px-2 py-1 text-center text-xs transition has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent ${
              theme === option ? 'bg-surface font-medium text-ink shadow-sm' : 'text-muted hover:text-ink'
            }`}
          >
            <input type="radio" name="theme" value={option} className="sr-only" checked={theme === option} onChange={() => choose(option)} />
            {labels[option]}
          </label>
        ))}
      </div>
      {failed && <p className="text-xs text-danger">The theme could not be saved. Try again.</p>}
    </fieldset>
  );
}

function apply(theme: Theme) {
  const attribute = themeAttribute(theme);
  if (attribute) document.documentElement.dataset.theme = attribute;
  else delete document.documentElement.dataset.theme;
}
