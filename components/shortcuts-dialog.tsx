'use client';

import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { isShortcutEvent, listenForKeys, shortcuts, type Shortcut } from './shortcuts';

const places: Shortcut['where'][] = ['Everywhere', 'Studio', 'Gallery', 'Compare'];

/**
 * `?` anywhere in the studio opens the list of every shortcut: a modal dialog (focus stays inside it, Esc
 * closes it, focus goes back to where it was).
 */
export function ShortcutsDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || !isShortcutEvent(event) || dialog.current?.open) return;
      event.preventDefault();
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.current?.showModal();
      setOpen(true);
    };
    return listenForKeys(onKey, dialog.current);
  }, []);

  // A modal dialog makes the page inert; this keeps Tab from leaving for the browser's own controls too.
  const trapTab = (event: ReactKeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('button, a[href], [tabindex]:not([tabindex="-1"])')];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey ? document.activeElement === first : document.activeElement === last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  };

  const onClose = () => {
    setOpen(false);
    returnTo.current?.focus();
    returnTo.current = null;
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-dialog"
      onClose={onClose}
      onKeyDown={trapTab}
      // A click on the backdrop (the dialog box itself, outside its content) closes it.
      onClick={(event) => event.target === dialog.current && dialog.current.close()}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] overflow-y-auto rounded-card border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40"
    >
      {open && (
        <div className="space-y-5 p-6">
          <div className="flex items-center justify-between gap-4">
            <h2 id="shortcuts-title" className="text-base font-semibold tracking-tight">
              Keyboard shortcuts
            </h2>
            <button type="button" autoFocus onClick={() => dialog.current?.close()} className="rounded-md px-2 py-1 text-sm text-muted hover:bg-raised hover:text-ink">
              Close
            </button>
          </div>
          {places.map((where) => (
            <section key={where} aria-label={where} className="space-y-2">
              <h3 className="text-xs font-medium uppercase tracking-wide text-muted">{where}</h3>
              <dl className="divide-y divide-line">
                {shortcuts
                  .filter((shortcut) => shortcut.where === where)
                  .map((shortcut) => (
                    <div key={`${shortcut.keys.join('+')}-${shortcut.does}`} className="flex items-center justify-between gap-4 py-1.5 text-sm">
                      <dt className="text-ink">{shortcut.does}</dt>
                      <dd className="flex shrink-0 gap-1">
                        {shortcut.keys.map((key) => (
                          <kbd key={key} className="min-w-6 rounded border border-line bg-raised px-1.5 py-0.5 text-center font-mono text-xs">
                            {key}
                          </kbd>
                        ))}
                      </dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
        </div>
      )}
    </dialog>
  );
}
