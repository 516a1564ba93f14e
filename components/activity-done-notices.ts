'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { toast } from 'sonner';
import { explainFailure } from '@/lib/generation/fail-codes';
import type { GenerationView } from '@/lib/generation/view';
import { browserClaimDeps, claimOnce } from './activity-claim-once';
import { watchFinishes } from './activity-finishes';
import { playChime } from './activity-chime';
import { soundIsOn } from './activity-prefs';

/** A hidden tab waits this long before claiming, so a tab the person is looking at announces instead. */
const HIDDEN_TAB_DELAY_MS = 1_500;

/**
 * Watches the tab's clip cache (fed by the one long poll) for the person's own clips finishing, and announces
 * each once per browser: a toast with Open, the chime (unless switched off), and a system notification when
 * the tab is hidden. Only a change seen live counts (`watchFinishes`): a clip already finished when the page
 * loaded stays quiet.
 */
export function useDoneNotices(userId: string): void {
  const queryClient = useQueryClient();
  const router = useRouter();
  useEffect(() => {
    const open = (id: string) => router.push(`/gallery/${id}`);
    const announce = async (view: GenerationView) => {
      const deps = browserClaimDeps();
      if (document.hidden) await new Promise((resolve) => setTimeout(resolve, HIDDEN_TAB_DELAY_MS));
      if (deps && !(await claimOnce(`done:${view.id}`, deps))) return;
      const ok = view.state === 'success';
      const title = ok ? 'Your clip is ready' : explainFailure(view.failCode).title;
      const prompt = view.prompt.length > 90 ? `${view.prompt.slice(0, 89)}…` : view.prompt;
      (ok ? toast.success : toast.error)(title, { id: view.id, description: prompt, duration: 10_000, action: { label: 'Open', onClick: () => open(view.id) } });
      if (soundIsOn()) playChime(ok ? 'done' : 'failed');
      if (document.hidden && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        const notice = new Notification(title, { body: prompt, tag: `wan-studio:${view.id}` });
        notice.onclick = () => {
          window.focus();
          open(view.id);
          notice.close();
        };
      }
    };
    return watchFinishes(queryClient.getQueryCache(), userId, (view) => void announce(view));
  }, [queryClient, router, userId]);
}
