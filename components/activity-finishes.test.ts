import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { queryKeys } from '@/lib/client-fetch';
import type { GenerationState } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import { watchFinishes } from './activity-finishes';

const view = (id: string, state: GenerationState, authorId = 'me') => ({ id, state, authorId }) as GenerationView;

describe('watchFinishes', () => {
  const client = new QueryClient();
  const put = (v: GenerationView) => client.setQueryData(queryKeys.generation(v.id), v);
  afterEach(() => client.clear());

  function watch() {
    const seen: string[] = [];
    const stop = watchFinishes(client.getQueryCache(), 'me', (v) => seen.push(`${v.id}:${v.state}`));
    return { seen, stop };
  }

  it('announces my clip going from in flight to finished, once', () => {
    const { seen, stop } = watch();
    put(view('a', 'queued'));
    put(view('a', 'processing'));
    put(view('a', 'success'));
    put(view('a', 'success'));
    put(view('b', 'processing'));
    put(view('b', 'failed'));
    stop();
    expect(seen).toEqual(['a:success', 'b:failed']);
  });

  it('counts a clip cached before it started from its cached state (the panel mounts after the page)', () => {
    put(view('early', 'queued'));
    const { seen, stop } = watch();
    put(view('early', 'success'));
    stop();
    expect(seen).toEqual(['early:success']);
  });

  it('stays quiet for a clip first seen finished, and for a teammate’s clip', () => {
    put(view('done-before', 'success'));
    const { seen, stop } = watch();
    put(view('done-before', 'success'));
    put(view('fresh-but-done', 'success'));
    put(view('theirs', 'queued', 'them'));
    put(view('theirs', 'success', 'them'));
    stop();
    expect(seen).toEqual([]);
  });
});
