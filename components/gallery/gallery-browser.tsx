'use client';

import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';
import { fetchJson } from '@/lib/client-fetch';
import type { GalleryItem, GalleryPage } from '@/lib/gallery/schemas';
import { Toast, type ToastMessage } from '../ui/toast';
import { BulkBar } from './bulk-bar';
import { GalleryTile } from './gallery-tile';
import { visibleEntries } from './visible-items';

/** Tiles in the widest grid's first row (xl:grid-cols-4): their stills are the first thing seen. */
const FIRST_ROW = 4;

export type GalleryActions = {
  favoriteClips: (ids: string[], favorite: boolean) => Promise<ActionResult<{ changed: number }>>;
  tagClips: (ids: string[], tags: string[]) => Promise<ActionResult<{ tags: string[] }>>;
  trashClips: (ids: string[]) => Promise<ActionResult<{ ids: string[] }>>;
  restoreClips: (ids: string[]) => Promise<ActionResult<{ restored: number }>>;
};

export type GalleryAbilities = { favorite: boolean; curate: boolean; deleteReach: 'any' | 'own' | null };

type Props = {
  /** Part of the cache key: after a team switch, nothing of the previous team's grid is reused. */
  teamId: string;
  initial: GalleryPage;
  query: string;
  trash: boolean;
  userId: string;
  abilities: GalleryAbilities;
  actions: GalleryActions;
  empty: React.ReactNode;
};

/** The grid: pages load as you scroll (keyset cursor), stacks collapse, clips can be selected and acted on. */
export function GalleryBrowser({ teamId, initial, query, trash, userId, abilities, actions, empty }: Props) {
  const queryClient = useQueryClient();
  const key = useMemo(() => ['gallery', teamId, trash ? 'trash' : 'clips', query] as const, [teamId, trash, query]);
  const pages = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set('cursor', pageParam);
      if (trash) params.set('trash', '1');
      return fetchJson<GalleryPage>(`/api/gallery?${params}`, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    initialData: { pages: [initial], pageParams: [null] },
    staleTime: 5_000,
  });

  const [expanded, setExpanded] = useState<ReadonlyMap<string, GalleryItem[]>>(new Map());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [busy, startTransition] = useTransition();
  const lastClicked = useRef<string | null>(null);

  const items = useMemo(() => pages.data.pages.flatMap((page) => page.items), [pages.data]);
  const entries = useMemo(() => visibleEntries(items, { collapse: !trash, expanded }), [items, trash, expanded]);
  const byId = useMemo(() => new Map([...items, ...[...expanded.values()].flat()].map((item) => [item.view.id, item])), [items, expanded]);

  const patch = useCallback(
    (change: (item: GalleryItem) => GalleryItem | null) => {
      const apply = (list: GalleryItem[]) => list.flatMap((item) => change(item) ?? []);
      queryClient.setQueryData<InfiniteData<GalleryPage, string | null>>(key, (data) => data && { ...data, pages: data.pages.map((page) => ({ ...page, items: apply(page.items) })) });
      setExpanded((current) => new Map([...current].map(([stack, list]) => [stack, apply(list)])));
    },
    [queryClient, key],
  );
  const notify = useCallback((text: string, extra: Partial<ToastMessage> = {}) => setToast({ id: Date.now(), text, ...extra }), []);
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: ['gallery'] }), [queryClient]);

  // Infinite scroll: load the next page while the end of the grid is still a screen away.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage) return;
    const observer = new IntersectionObserver((seen) => {
      if (seen.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: '800px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setSelected(new Set());
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const toggleSelect = (id: string, range: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      const order = entries.map((entry) => entry.item.view.id);
      const from = lastClicked.current ? order.indexOf(lastClicked.current) : -1;
      const to = order.indexOf(id);
      if (range && from >= 0 && to >= 0) {
        for (const rangeId of order.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(rangeId);
      } else if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    lastClicked.current = id;
  };

  const toggleStack = async (stackKey: string) => {
    if (expanded.has(stackKey)) return setExpanded((current) => new Map([...current].filter(([k]) => k !== stackKey)));
    const params = new URLSearchParams(query);
    params.set('key', stackKey);
    try {
      const { items: members } = await fetchJson<{ items: GalleryItem[] }>(`/api/gallery/stack?${params}`);
      setExpanded((current) => new Map(current).set(stackKey, members));
    } catch {
      notify('Could not open this stack. Try again.', { tone: 'error' });
    }
  };

  const run = <T,>(work: () => Promise<ActionResult<T>>, done: (data: T) => void) =>
    startTransition(async () => {
      const result = await work();
      if (!result.ok) {
        notify(result.message, { tone: 'error' });
        // Whatever was shown ahead of the answer goes back to what the server holds.
        return refetch();
      }
      done(result.data);
    });

  const favorite = (ids: string[], value: boolean) => {
    patch((item) => (ids.includes(item.view.id) ? { ...item, favorite: value } : item));
    run(() => actions.favoriteClips(ids, value), () => refetch());
  };

  const selectedIds = [...selected].filter((id) => byId.has(id));
  const deletable = abilities.deleteReach === 'any' || (abilities.deleteReach === 'own' && selectedIds.every((id) => byId.get(id)?.authorId === userId));

  const remove = () => {
    const ids = selectedIds;
    run(() => actions.trashClips(ids), (data) => {
      patch((item) => (data.ids.includes(item.view.id) ? null : item));
      setSelected(new Set());
      notify(`${data.ids.length} clip${data.ids.length === 1 ? '' : 's'} moved to the trash.`, {
        action: { label: 'Undo', run: () => run(() => actions.restoreClips(data.ids), () => refetch()) },
      });
      refetch();
    });
  };

  const restore = () => {
    const ids = selectedIds;
    run(() => actions.restoreClips(ids), (data) => {
      patch((item) => (ids.includes(item.view.id) ? null : item));
      setSelected(new Set());
      notify(`${data.restored} clip${data.restored === 1 ? '' : 's'} restored to the gallery.`);
      refetch();
    });
  };

  const tag = (tags: string[]) => {
    const ids = selectedIds;
    run(() => actions.tagClips(ids, tags), (data) => {
      patch((item) => (ids.includes(item.view.id) ? { ...item, tags: [...new Set([...item.tags, ...data.tags])].sort() } : item));
      notify(`Tagged ${ids.length} clip${ids.length === 1 ? '' : 's'} ${data.tags.join(', ')}.`);
    });
  };

  if (entries.length === 0 && !pages.isFetching) return <>{empty}</>;

  return (
    <div className="space-y-6">
      <div className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4" data-testid="gallery-grid">
        {entries.map(({ item, head, member }, index) => (
          <div key={item.view.id} className={member ? 'rounded-card outline outline-2 outline-offset-4 outline-accent/30' : undefined}>
            <GalleryTile
              item={item}
              selected={selected.has(item.view.id)}
              onToggleSelect={toggleSelect}
              onToggleFavorite={abilities.favorite && !trash ? (id, value) => favorite([id], value) : undefined}
              stack={head ? { count: item.stack.count, expanded: expanded.has(item.stack.key), onToggle: () => void toggleStack(item.stack.key) } : undefined}
              priority={index < FIRST_ROW}
            />
          </div>
        ))}
      </div>
      <div ref={sentinel} aria-hidden className="h-px" />
      {isFetchingNextPage && <p className="text-center text-sm text-muted" role="status">Loading more clips…</p>}
      {pages.isFetchNextPageError && (
        <p className="text-center text-sm text-danger" role="alert">
          Could not load more clips.{' '}
          <button type="button" className="underline" onClick={() => void fetchNextPage()}>
            Try again
          </button>
        </p>
      )}
      {!hasNextPage && items.length > 24 && <p className="text-center text-sm text-muted">That is every clip.</p>}
      <BulkBar
        ids={selectedIds}
        busy={busy}
        can={{ favorite: abilities.favorite, curate: abilities.curate, remove: deletable && abilities.deleteReach !== null, restore: trash && abilities.deleteReach !== null, emptyTrash: false }}
        onFavorite={(value) => favorite(selectedIds, value)}
        onTag={tag}
        onDelete={remove}
        onRestore={restore}
        onClear={() => setSelected(new Set())}
      />
      <Toast toast={toast} onClose={() => setToast(null)} />
    </div>
  );
}
