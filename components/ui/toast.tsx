'use client';

import { useEffect } from 'react';

export type ToastMessage = { id: number; text: string; tone?: 'info' | 'error'; action?: { label: string; run: () => void } };

/** One message at the bottom of the screen, gone after a while; an action (Undo) keeps it longer. */
export function Toast({ toast, onClose }: { toast: ToastMessage | null; onClose: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onClose, toast.action ? 8_000 : 4_000);
    return () => clearTimeout(timer);
  }, [toast, onClose]);
  if (!toast) return null;
  return (
    <div role="status" aria-live="polite" className="fixed inset-x-0 bottom-6 z-30 flex justify-center px-4">
      <div
        data-testid="toast"
        className={`flex max-w-lg items-center gap-4 rounded-xl border px-4 py-3 text-sm shadow-lg ${toast.tone === 'error' ? 'border-danger/40 bg-surface text-danger' : 'border-line bg-ink text-canvas'}`}
      >
        <span>{toast.text}</span>
        {toast.action && (
          <button
            type="button"
            data-testid="toast-action"
            className="font-semibold underline-offset-2 hover:underline"
            onClick={() => {
              toast.action?.run();
              onClose();
            }}
          >
            {toast.action.label}
          </button>
        )}
        <button type="button" aria-label="Dismiss" className="opacity-60 hover:opacity-100" onClick={onClose}>
          ✕
        </button>
      </div>
    </div>
  );
}
