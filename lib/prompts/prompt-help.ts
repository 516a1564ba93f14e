// The documented prompt advice for Wan 2.5, as short hints, and the phrases the studio offers as chips.

export type Tip = { title: string; text: string };

export const promptTips: Tip[] = [
  { title: 'Scene', text: 'Say who or what, where, and the light: “an old fisherman on a foggy pier at dawn”.' },
  { title: 'Dynamic elements', text: 'Name what moves: leaves, water, hair, smoke, a crowd. Motion makes the clip.' },
  { title: 'Camera movement', text: 'Say how the camera moves: a slow dolly in, an orbit, a pan, wide to close.' },
  { title: 'Short prompts', text: 'A few words are enough with prompt expansion on: the service adds the detail.' },
  { title: 'Negative prompt', text: 'List what to avoid, such as blur and jitter: “blurry, shaky, distorted”.' },
];

/** Below this many characters a prompt counts as short, and prompt expansion is worth having on. */
export const SHORT_PROMPT = 60;

export const cameraChips = ['slow dolly in', 'dolly out', 'orbiting shot', 'wide to close', 'slow pan left', 'tracking shot', 'crane up', 'aerial drone shot', 'handheld', 'static shot'];

export const motionChips = ['swaying leaves', 'flowing water', 'drifting clouds', 'falling snow', 'rain streaks', 'rising steam', 'flickering candlelight', 'hair blowing in the wind', 'waves crashing', 'bustling crowd'];
