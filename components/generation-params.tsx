import { DEFAULT_MODEL, hasSound, models } from '@/lib/generation/models';
import type { GenerationView } from '@/lib/generation/view';
import type { ReactNode } from 'react';
import { formatSeconds } from '@/lib/audio/format-seconds';
import { formatClock } from './format';
import { LocalTime } from './local-time';
import { SoundMark, SpeakerIcon } from './sound-icons';

/** Every parameter of the request and what the service reported, as a definition list. */
export function GenerationParams({ view, publicPage = false }: { view: GenerationView; publicPage?: boolean }) {
  const rows: [string, ReactNode][] = [
    ['Model', view.model],
    ['Mode', view.mode],
    ['Seed', String(view.seed)],
    ['Resolution', view.resolution],
    ['Aspect ratio', view.mode === 'text-to-video' ? view.aspectRatio : 'follows the image'],
    ['Duration', `${view.duration} s`],
    ['Prompt expansion', view.enablePromptExpansion ? 'on' : 'off'],
    ['Provider', view.provider],
    ['Delivery', view.requestType === 'callback' ? 'webhook' : 'polling'],
    ['Created', <LocalTime key="created" ms={view.createdAt} />],
  ];
  if (hasSound(view.model)) rows.splice(1, 0, ['Sound', <SoundValue key="sound" track={view.soundTrack} link={!publicPage} />]);
  // A public page names no one: the sharer chose to share the clip, not the team's members.
  if (!publicPage) rows.push(['Author', view.authorName]);
  // Where the time went: waiting in our queue, the service's own work (costTime), and end to end.
  if (view.submittedAt !== null && view.submittedAt - view.createdAt >= 1_000) rows.push(['Queued for', formatClock(view.submittedAt - view.createdAt)]);
  if (view.costTimeMs !== null) rows.push(['Generation time', formatClock(view.costTimeMs)]);
  if (view.completedAt !== null) rows.push(['Total', formatClock(view.completedAt - view.createdAt)]);
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="font-mono text-ink [overflow-wrap:anywhere]" data-testid={`param-${label.toLowerCase().replaceAll(' ', '-')}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The short parameter line under a clip: everything needed to recognise it at a glance. */
export function ClipParams({ view }: { view: GenerationView }) {
  return (
    <p className="flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs text-muted">
      <span data-testid="seed">seed {view.seed}</span>
      {view.model !== DEFAULT_MODEL && <span data-testid="clip-model">{models[view.model].label}</span>}
      {hasSound(view.model) && <SoundMark />}
      <span>{view.resolution}</span>
      {view.mode === 'text-to-video' && <span>{view.aspectRatio}</span>}
      <span>{view.duration}s</span>
    </p>
  );
}

/** The clip page's word for a clip with sound: the track it follows (members can listen to it), or the model's own. */
function SoundValue({ track, link }: { track: GenerationView['soundTrack']; link: boolean }) {
  const name = track ? `${track.label} (${formatSeconds(track.seconds)})` : 'the model’s own';
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      <SpeakerIcon className="size-3.5 shrink-0 text-muted" />
      {track && link ? (
        <a href={track.url} target="_blank" rel="noopener noreferrer" className="truncate text-accent underline-offset-2 hover:underline" title="Listen to the track">
          {name}
        </a>
      ) : (
        <span className="truncate">{name}</span>
      )}
    </span>
  );
}
