import type { GenerationView } from '@/lib/generation/view';
import { formatClock, formatDate } from './format';

/** Every parameter of the request and what the service reported, as a definition list. */
export function GenerationParams({ view }: { view: GenerationView }) {
  const rows: [string, string][] = [
    ['Mode', view.mode],
    ['Seed', String(view.seed)],
    ['Resolution', view.resolution],
    ['Aspect ratio', view.mode === 'text-to-video' ? view.aspectRatio : 'follows the image'],
    ['Duration', `${view.duration} s`],
    ['Prompt expansion', view.enablePromptExpansion ? 'on' : 'off'],
    ['Provider', view.provider],
    ['Author', view.authorName],
    ['Created', formatDate(view.createdAt)],
  ];
  if (view.costTimeMs !== null) rows.push(['Generation time', formatClock(view.costTimeMs)]);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="font-mono text-ink" data-testid={`param-${label.toLowerCase().replaceAll(' ', '-')}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
