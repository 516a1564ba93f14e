'use client';

import { useEffect, type RefObject } from 'react';
import { stillPreferred } from '../reduced-motion';
import { isShortcutEvent, listenForKeys } from '../shortcuts';

const CARD = 'article[data-generation-id]';
const CARD_LINK = 'a[data-card-link]';

type Handlers = { onFavorite?: (id: string) => void; onReproduce?: (id: string) => void };

/** The card holding keyboard focus, if any. */
function focusedCard(grid: HTMLElement): HTMLElement | null {
  const active = document.activeElement;
  const card = active instanceof HTMLElement ? active.closest<HTMLElement>(CARD) : null;
  return card && grid.contains(card) ? card : null;
}

function focusCard(card: HTMLElement | undefined) {
  const link = card?.querySelector<HTMLElement>(CARD_LINK);
  if (!card || !link) return;
  link.focus({ preventScroll: true });
  card.scrollIntoView({ block: 'nearest', behavior: stillPreferred() ? 'auto' : 'smooth' });
}

/**
 * The gallery's keys (listed in components/shortcuts.ts): `/` search, `j`/`k` next and previous card (real
 * focus, so Enter opens it and the tile previews), `f` favourite, `r` reproduce the focused card.
 */
export function useGalleryKeys(grid: RefObject<HTMLElement | null>, { onFavorite, onReproduce }: Handlers) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const element = grid.current;
      if (!element || !isShortcutEvent(event) || document.querySelector('dialog[open]')) return;
      if (event.key === '/') {
        const search = document.querySelector<HTMLInputElement>('input[type="search"]');
        if (!search) return;
        event.preventDefault();
        search.focus();
        search.select();
        return;
      }
      const current = focusedCard(element);
      if (event.key === 'j' || event.key === 'k') {
        const cards = [...element.querySelectorAll<HTMLElement>(CARD)];
        const at = current ? cards.indexOf(current) : -1;
        const next = at < 0 ? cards[0] : cards[Math.min(Math.max(at + (event.key === 'j' ? 1 : -1), 0), cards.length - 1)];
        event.preventDefault();
        focusCard(next);
        return;
      }
      const id = current?.dataset.generationId;
      if (!id) return;
      const run = event.key === 'f' ? onFavorite : event.key === 'r' ? onReproduce : undefined;
      if (!run) return;
      event.preventDefault();
      run(id);
    };
    return listenForKeys(onKey, grid.current);
  }, [grid, onFavorite, onReproduce]);
}
