'use client';

import type { ActionResult } from '@/lib/actions';
import { Button } from '../ui/button';
import { useAction } from '../hooks/use-action';

export function LeaveTeamButton({ leave }: { leave: () => Promise<ActionResult<null>> }) {
  const { run, error, pending } = useAction();
  return (
    <div className="space-y-1">
      <Button variant="ghost" className="text-danger hover:text-danger" disabled={pending} onClick={() => run(leave)} data-testid="leave-team">
        Leave this team
      </Button>
      {error && <p className="text-sm text-danger">{error}</p>}
    </div>
  );
}
