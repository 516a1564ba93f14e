import type { ReactNode } from 'react';
import { aspectStyle } from './format';

export type FrameFit = 'card' | 'natural';

/**
 * The box a clip plays in. Cards share one 16:9 frame so a grid stays calm whatever the clip's shape;
 * the detail page follows the clip's own aspect ratio, never taller than most of the screen.
 */
export function ClipFrame({ aspectRatio, fit, className = 'bg-black', children }: { aspectRatio: string; fit: FrameFit; className?: string; children: ReactNode }) {
  const frame = fit === 'card' ? aspectStyle('16:9') : aspectStyle(aspectRatio);
  return (
    <div data-testid="clip-frame" className={`relative w-full overflow-hidden rounded-lg ${fit === 'natural' ? 'max-h-[70vh]' : ''} ${className}`} style={frame}>
      {children}
    </div>
  );
}
