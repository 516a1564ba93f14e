'use client';

import { useEffect, useRef, useState, useTransition, type DragEvent } from 'react';
import { validateImage } from '@/lib/images/validate-image';
import { UPLOADS_NEED_PUBLIC_URL } from '@/lib/reachable-messages';
import { HiddenFileInput, LinkRow, sendKept } from './kept-upload-fields';
import { Button } from './ui/button';

export type StartImage = { id: string; previewUrl: string; width: number; height: number };

const send = (body: FormData | { url: string }) => sendKept<StartImage>('/api/images', body);

/** The start frame: drop, paste or pick a file, or paste a link. Checked here first, then by the server. */
export function StartImagePicker({
  value,
  onChange,
  uploadsAvailable,
  error,
}: {
  value: StartImage | null;
  onChange: (image: StartImage | null) => void;
  uploadsAvailable: boolean;
  error?: string;
}) {
  const [problem, setProblem] = useState<string>();
  const [link, setLink] = useState('');
  const [dragging, setDragging] = useState(false);
  const [pending, startTransition] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);

  function accept(result: StartImage | string) {
    if (typeof result === 'string') setProblem(result);
    else {
      setProblem(undefined);
      onChange(result);
    }
  }

  function takeFile(file: File) {
    setProblem(undefined);
    startTransition(async () => {
      if (!uploadsAvailable) return setProblem(UPLOADS_NEED_PUBLIC_URL);
      // The same checks as the server, so nothing is sent that would be refused.
      const check = validateImage(new Uint8Array(await file.arrayBuffer()));
      if (!check.ok) return setProblem(check.message);
      const form = new FormData();
      form.set('file', file);
      accept(await send(form));
    });
  }

  function takeLink() {
    startTransition(async () => accept(await send({ url: link })));
  }

  // Paste an image anywhere on the page while this picker is shown (the latest handler, via a ref).
  const takeFileRef = useRef(takeFile);
  useEffect(() => {
    takeFileRef.current = takeFile;
  });
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = [...(event.clipboardData?.files ?? [])][0];
      if (file) {
        event.preventDefault();
        takeFileRef.current(file);
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) takeFile(file);
  }

  if (value) {
    return (
      <div className="space-y-2">
        <div className="flex items-center gap-3 rounded-lg border border-line bg-raised p-2">
          <img src={value.previewUrl} alt="Start frame" data-testid="start-image-preview" className="h-16 w-auto max-w-28 rounded object-contain" />
          <div className="min-w-0 flex-1 text-xs text-muted">
            <p className="font-mono">
              {value.width}×{value.height}
            </p>
            <p>The video starts from this frame and follows its shape.</p>
          </div>
          <Button className="h-8 px-3 text-xs" onClick={() => onChange(null)}>
            Change
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`grid place-items-center rounded-lg border border-dashed p-5 text-center text-sm transition ${dragging ? 'border-accent bg-accent/5' : 'border-line bg-raised'}`}
      >
        <p className="text-muted">{pending ? 'Checking the image…' : 'Drop an image here, paste one, or'}</p>
        <Button className="mt-2 h-8 px-3 text-xs" disabled={pending} onClick={() => fileInput.current?.click()}>
          Choose a file
        </Button>
        <HiddenFileInput inputRef={fileInput} accept="image/jpeg,image/png,image/webp" label="Start image file" onFile={takeFile} />
        <p className="mt-2 text-xs text-muted">JPG, PNG or WebP, up to 10 MB.</p>
      </div>
      <LinkRow label="Image link" placeholder="…or paste an image link (https://…)" value={link} onChange={setLink} pending={pending} onUse={takeLink} />
      {problem && (
        <p className="text-xs text-danger" data-testid="image-problem">
          {problem}
        </p>
      )}
      {error && (
        <p className="text-xs text-danger" data-testid="imageUrls-error">
          {error}
        </p>
      )}
    </div>
  );
}
