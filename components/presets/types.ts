import type { ActionResult } from '@/lib/actions';
import type { SavePresetInput } from '@/lib/presets/schemas';

/** The preset server actions, handed down from the studio page (components never import app/). */
export type PresetActions = {
  save: (input: SavePresetInput) => Promise<ActionResult<{ id: string; replaced: boolean }>>;
  rename: (input: { id: string; name: string }) => Promise<ActionResult<null>>;
  remove: (id: string) => Promise<ActionResult<null>>;
};
