import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ClipFrame } from '@/components/clip-frame';
import { ClipPlayer } from '@/components/clip-player';
import { GenerationParams } from '@/components/generation-params';
import { getEnv } from '@/lib/env';
import { hasSound } from '@/lib/generation/models';
import { toView } from '@/lib/generation/view';
import { sharedClips, type SharedClips } from '@/lib/shares/share-clips';
import { shownPrompt } from '@/components/format';

type Params = Promise<{ token: string }>;

const load = cache(sharedClips);

/** Absolute URLs for link unfurls: PUBLIC_URL when set, else the address this request came to. */
async function origin(): Promise<string> {
  const configured = getEnv().publicUrl;
  if (configured) return configured.replace(/\/$/, '');
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost'}`;
}

const excerpt = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { token } = await params;
  const shared = await load(token);
  if (!shared) return { title: 'Not found', robots: { index: false } };
  const [first] = shared.clips;
  if (!first) return { title: 'Not found' };
  const base = await origin();
  if (shared.chain) {
    const url = `${base}/s/${token}`;
    const seconds = shared.clips.reduce((sum, clip) => sum + clip.duration, 0);
    const title = shared.share.showRecipe ? excerpt(shownPrompt(first.prompt), 70) : 'A chain of shots made with Wan Studio';
    const description = `${shared.clips.length} shots, ${seconds} s, shared from Wan Studio.`;
    return {
      title,
      description,
      robots: { index: false },
      openGraph: { type: 'video.other', siteName: 'Wan Studio', url, title, description, images: [{ url: `${url}/poster`, alt: title }], videos: [{ url: `${url}/video`, type: 'video/mp4' }] },
      twitter: { card: 'summary_large_image', title, description, images: [`${url}/poster`] },
    };
  }
  const title = shared.share.showRecipe ? excerpt(shownPrompt(first.prompt), 70) : 'A clip made with Wan Studio';
  const description = shared.share.showRecipe
    ? `${shared.clips.length > 1 ? `${shared.clips.length} seeds · ` : ''}${first.resolution} · ${first.duration} s · seed ${first.seed}. ${excerpt(first.prompt, 160)}`
    : `A ${first.duration}-second clip${shared.clips.length > 1 ? ` and ${shared.clips.length - 1} more` : ''}, shared from Wan Studio.`;
  const [w, h] = first.resolution === '1080p' ? [1920, 1080] : [1280, 720];
  const [width, height] = first.aspectRatio === '9:16' ? [h, w] : first.aspectRatio === '1:1' ? [h, h] : [w, h];
  const url = `${base}/s/${token}`;
  return {
    title,
    description,
    robots: { index: false },
    openGraph: {
      type: 'video.other',
      siteName: 'Wan Studio',
      url,
      title,
      description,
      images: [{ url: `${url}/poster?clip=${first.id}`, width: Math.min(640, width), alt: title }],
      videos: [{ url: `${url}/video?clip=${first.id}`, secureUrl: base.startsWith('https') ? `${url}/video?clip=${first.id}` : undefined, type: 'video/mp4', width, height }],
    },
    twitter: { card: 'summary_large_image', title, description, images: [`${url}/poster?clip=${first.id}`] },
  };
}

/** A public link: the video plays without sign-in; the prompt and settings show if the sharer allowed it. */
export default async function SharePage({ params }: { params: Params }) {
  const { token } = await params;
  const shared = await load(token);
  if (!shared) notFound();
  const { clips, share } = shared;
  const single = clips.length === 1;
  if (shared.chain && clips[0]) return <SharedChain token={token} clips={clips} showRecipe={share.showRecipe} />;
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-4 py-10 sm:px-6">
      <SharedHeader />
      <div className={single ? 'grid gap-8 lg:grid-cols-[1fr_minmax(280px,360px)]' : 'space-y-8'}>
        <ul className={single ? '' : 'grid gap-4 sm:grid-cols-2 lg:grid-cols-3'}>
          {clips.map((clip) => (
            <li key={clip.id} className="space-y-1.5">
              <ClipFrame aspectRatio={clip.aspectRatio} fit={single ? 'natural' : 'card'}>
                <ClipPlayer testId="shared-video" src={`/s/${token}/video?clip=${clip.id}`} poster={`/s/${token}/poster?clip=${clip.id}`} start={single ? 'idle' : 'hover'} controls={single ? 'always' : 'engaged'} sound={hasSound(clip.model)} />
              </ClipFrame>
              {!single && share.showRecipe && <p className="font-mono text-xs text-muted">seed {clip.seed}</p>}
            </li>
          ))}
        </ul>
        {share.showRecipe && clips[0] && (
          <aside className="space-y-4">
            <p className="text-base leading-relaxed" data-testid="shared-prompt">
              {shownPrompt(clips[0].prompt)}
            </p>
            {single && <GenerationParams view={toView(clips[0])} publicPage />}
          </aside>
        )}
      </div>
    </main>
  );
}

/** A shared chain: its shots rendered as one video, and (if the sharer allowed it) what each shot was asked for. */
function SharedChain({ token, clips, showRecipe }: { token: string; clips: SharedClips['clips']; showRecipe: boolean }) {
  const [first] = clips;
  if (!first) return null;
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-4 py-10 sm:px-6">
      <SharedHeader />
      <div className="grid gap-8 lg:grid-cols-[1fr_minmax(280px,360px)]">
        <ClipFrame aspectRatio={first.aspectRatio} fit="natural">
          <ClipPlayer testId="shared-video" src={`/s/${token}/video`} poster={`/s/${token}/poster`} start="idle" controls="always" sound={hasSound(first.model)} />
        </ClipFrame>
        <aside className="space-y-3">
          <h1 className="text-base font-medium">
            A chain of {clips.length} shots, {clips.reduce((sum, clip) => sum + clip.duration, 0)} s
          </h1>
          {showRecipe && (
            <ol className="space-y-2 text-sm" data-testid="shared-shots">
              {clips.map((clip, index) => (
                <li key={clip.id}>
                  <span className="font-medium">Shot {index + 1}.</span> {shownPrompt(clip.prompt)} <span className="font-mono text-xs text-muted">seed {clip.seed}</span>
                </li>
              ))}
            </ol>
          )}
        </aside>
      </div>
    </main>
  );
}

function SharedHeader() {
  return (
    <header className="flex items-center gap-2 text-sm text-muted">
      <span aria-hidden className="grid size-6 place-items-center rounded-md bg-accent text-xs text-accent-ink">W</span>
      Shared from Wan Studio
    </header>
  );
}
