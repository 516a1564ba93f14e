'use client';

import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

/**
 * A link that prefetches its page once someone reaches for it (pointer, touch or keyboard focus) rather than as
 * soon as it is on screen: the header's links are on every page, and prefetching all of them on arrival cost each
 * page load a round of requests and RSC parsing in the middle of hydration. This is the pattern of Next's own
 * prefetching guide ("Hover-triggered prefetch"); `null` restores the default prefetch.
 */
export function IntentLink({ onPointerEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  const [wanted, setWanted] = useState(false);
  return (
    <Link
      {...props}
      prefetch={wanted ? null : false}
      onPointerEnter={(event) => {
        setWanted(true);
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        setWanted(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setWanted(true);
        onTouchStart?.(event);
      }}
    />
  );
}
