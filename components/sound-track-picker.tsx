'use client';

import { useRef, useState, useTransition } from 'react';
import { OWN_SOUND_NOTE, trackFitNote, type SoundTrackView } from '@/lib/audio/track-view';
import { TRACKS_NEED_PUBLIC_URL } from '@/lib/reachable-messages';
import { HiddenFileInput, LinkRow, sendKept } from './kept-upload-fields';
import { Button } from './ui/button';

const send = (body: FormData | { url: string }) => sendKept<SoundTrackView>('/api/audio', body);

/** The same checks as the server (format by bytes, 3–30 s measured, ≤ 15 MB), loaded only when a file is chosen. */
async function checkFile(file: File): Promise<string | undefined> {
  const { MAX_AUDIO_BYTES, validateAudio } = await import('@/lib/audio/validate-audio');
  if (file.size > MAX_AUDIO_BYTES) return 'The sound file is larger than 15 MB. Use a shorter or more compressed track.';
  const check = await validateAudio(new Uint8Array(await file.arrayBuffer()));
  return check.ok ? undefined : check.message;
}

/**
 * The clip's sound on a model that makes it: its own by default, or one track (a WAV or MP3 file, or a link)
 * that the clip's sound follows. Says plainly what the clip will sound like and how the track meets its length.
 */
export function SoundTrackPicker({
  value,
  onChange,
  clipSeconds,
  uploadsAvailable,
  error,
}: {
  value: SoundTrackView | null;
  onChange: (track: SoundTrackView | null) => void;
  clipSeconds: number;
  uploadsAvailable: boolean;
  error?: string;
}) {
  const [problem, setProblem] = useState<string>();
  const [link, setLink] = useState('');
  const [pending, startTransition] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);

  function accept(result: SoundTrackView | string) {
    if (typeof result === 'string') return setProblem(result);
    setProblem(undefined);
    setLink('');
    onChange(result);
  }

  function takeFile(file: File) {
    setProblem(undefined);
    startTransition(async () => {
      if (!uploadsAvailable) return setProblem(TRACKS_NEED_PUBLIC_URL);
      const refused = await checkFile(file);
      if (refused) return setProblem(refused);
      const form = new FormData();
      form.set('file', file);
      accept(await send(form));
    });
  }

  return (
    <fieldset className="space-y-2" data-testid="sound-track">
      <legend className="text-sm font-medium text-ink">Sound</legend>
      {value ? (
        <div className="space-y-2 rounded-lg border border-line bg-raised p-3">
          <div className="flex items-center gap-3">
            <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-accent/10 text-accent">
              ♪
            </span>
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm text-ink" data-testid="sound-track-label">
                {value.label}
              </p>
              <p className="font-mono text-xs text-muted">
                {value.format.toUpperCase()} · {value.seconds.toFixed(1)} s
              </p>
            </div>
            <Button className="h-8 px-3 text-xs" onClick={() => onChange(null)}>
              Remove
            </Button>
          </div>
          <audio controls preload="none" src={value.previewUrl} className="h-9 w-full" aria-label={`Listen to ${value.label}`} />
          <p className="text-xs text-muted" data-testid="sound-track-fit">
            {trackFitNote(value.seconds, clipSeconds)}
          </p>
        </div>
      ) : (
        <div className="space-y-2 rounded-lg border border-dashed border-line bg-raised p-3">
          <p className="text-xs text-muted" data-testid="sound-note">
            {OWN_SOUND_NOTE}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button className="h-8 px-3 text-xs" disabled={pending} onClick={() => fileInput.current?.click()}>
              {pending ? 'Checking the track…' : 'Add a track'}
            </Button>
            <HiddenFileInput inputRef={fileInput} accept="audio/wav,audio/x-wav,audio/mpeg,.wav,.mp3" label="Sound track file" onFile={takeFile} />
          </div>
          <LinkRow
            label="Sound track link"
            placeholder="…or paste a track link (https://…)"
            value={link}
            onChange={setLink}
            pending={pending}
            onUse={() => startTransition(async () => accept(await send({ url: link })))}
          />
        </div>
      )}
      {(problem ?? error) && (
        <p role="alert" className="text-xs text-danger" data-testid="sound-track-problem">
          {problem ?? error}
        </p>
      )}
    </fieldset>
  );
}
