import { SpeakerIcon, SpeakerMutedIcon } from './sound-icons';

type Props = {
  muted: boolean;
  onToggle: () => void;
  /** Which clip it speaks for, where several share a page ("seed 42"); read after the visible word. */
  of?: string;
  className?: string;
};

/**
 * Unmute / Mute over a clip with sound, in a corner of its frame (absolute: it never moves the page). Its
 * visible word is what it will do, so its name changes with it; no aria-pressed on top of that.
 */
export function SoundToggle({ muted, onToggle, of, className = 'absolute right-2 top-2' }: Props) {
  return (
    <button
      type="button"
      data-testid="sound-toggle"
      data-muted={muted}
      onClick={onToggle}
      className={`${className} z-10 inline-flex h-8 items-center gap-1.5 rounded-full bg-black/55 pl-2 pr-2.5 text-xs font-medium text-white shadow backdrop-blur transition hover:bg-black/70`}
    >
      {muted ? <SpeakerMutedIcon /> : <SpeakerIcon />}
      {muted ? 'Unmute' : 'Mute'}
      {of && <span className="sr-only"> {of}</span>}
    </button>
  );
}
