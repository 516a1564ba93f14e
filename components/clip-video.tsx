'use client';

import { useState } from 'react';
import { aspectStyle } from './format';

/** The clip itself: video first, sized by its aspect ratio. */
export function ClipVideo({ src, aspectRatio, autoPlay = true }: { src: string; aspectRatio: string; autoPlay?: boolean }) {
  // Keep the first source: switching to the archived copy mid-play would restart the clip.
  const [stableSrc] = useState(src);
  return (
    <video
      data-testid="clip-video"
      className="w-full rounded-lg bg-black object-contain"
      style={aspectStyle(aspectRatio)}
      src={stableSrc}
      controls
      muted
      loop
      playsInline
      autoPlay={autoPlay}
      preload="metadata"
    />
  );
}
