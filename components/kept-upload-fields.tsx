'use client';

import type { RefObject } from 'react';
import { Button } from './ui/button';
import { inputClass } from './ui/field';

// What the start-frame and sound-track pickers share: sending a file or a link to their route
// (lib/kept-upload.ts on the server), the hidden file input, and the link row.

/** POSTs a file (multipart) or a link (JSON) to a kept-upload route; the kept thing, or the route's words for why not. */
export async function sendKept<T extends { id: string }>(route: string, body: FormData | { url: string }): Promise<T | string> {
  const json = !(body instanceof FormData);
  const response = await fetch(route, { method: 'POST', body: json ? JSON.stringify(body) : body, headers: json ? { 'content-type': 'application/json' } : undefined });
  const data = (await response.json().catch(() => ({}))) as T | { error?: string };
  if (!response.ok || !('id' in data)) return ('error' in data && data.error) || `Upload failed (HTTP ${response.status})`;
  return data;
}

/** The picker's file input, out of sight: its button opens it; a chosen file goes to `onFile`, and the input is reset. */
export function HiddenFileInput({ inputRef, accept, label, onFile }: { inputRef: RefObject<HTMLInputElement | null>; accept: string; label: string; onFile: (file: File) => void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      aria-label={label}
      className="sr-only"
      onChange={(event) => {
        const file = event.target.files?.[0];
        if (file) onFile(file);
        event.target.value = '';
      }}
    />
  );
}

/** "…or paste a link" and its Use link button. */
export function LinkRow({ label, placeholder, value, onChange, pending, onUse }: { label: string; placeholder: string; value: string; onChange: (value: string) => void; pending: boolean; onUse: () => void }) {
  return (
    <div className="flex gap-2">
      <input aria-label={label} placeholder={placeholder} value={value} onChange={(event) => onChange(event.target.value)} className={inputClass} />
      <Button disabled={pending || !value.trim()} onClick={onUse}>
        Use link
      </Button>
    </div>
  );
}
