'use client';

import dynamic from 'next/dynamic';
import { DockPlaceholder } from './activity-dock-frame';

/**
 * The activity panel, loaded after the page itself: it is on every studio page, and its code (the panel, its
 * items, the toasts) would otherwise be evaluated and rendered inside each page's own hydration.
 */
export const ActivityDock = dynamic(() => import('./activity-dock').then((module) => module.ActivityDock), { ssr: false, loading: DockPlaceholder });
