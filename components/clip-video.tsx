'use client';

import { useState } from 'react';
import { ClipFrame, type FrameFit } from './clip-frame';

/** The clip itself: video first, letterboxed inside its frame. */
export function ClipVideo({ src, aspectRatio, fit }: { src: string; aspectRatio: string; fit: FrameFit }) {
  // Keep the first source: switching to the archived copy mid-play would restart the clip.
  const [stableSrc] = useState(src);
  return (
    <ClipFrame aspectRatio={aspectRatio} fit={fit}>
      <video
        data-testid="clip-video"
        className="absolute inset-0 h-full w-full object-contain"
        src={stableSrc}
        controls
        muted
        loop
        playsInline
        autoPlay
        preload="metadata"
      />
    </ClipFrame>
  );
}
