// A speaker, drawn once: with its waves (sound plays, or the clip has sound) or struck through (muted).
// Inline SVG in currentColor, so it takes the text colour of wherever it sits, light or dark.

type IconProps = { className?: string };

const speaker = 'M3 9.5h3.2L10.5 6v12l-4.3-3.5H3z';

export function SpeakerIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className={className}>
      <path d={speaker} fill="currentColor" stroke="none" />
      <path d="M14.5 9.2a4 4 0 0 1 0 5.6" />
      <path d="M17.3 6.6a7.7 7.7 0 0 1 0 10.8" />
    </svg>
  );
}

export function SpeakerMutedIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className={className}>
      <path d={speaker} fill="currentColor" stroke="none" />
      <path d="m14.5 9.5 5 5m0-5-5 5" />
    </svg>
  );
}

/** The quiet mark of a clip with sound, in a list of clips: a small speaker, named for screen readers. */
export function SoundMark({ className = 'size-3.5' }: IconProps) {
  return (
    <span role="img" aria-label="Has sound" title="Has sound" data-testid="sound-mark" className="inline-flex items-center">
      <SpeakerIcon className={className} />
    </span>
  );
}
