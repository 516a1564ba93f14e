import { createHash } from 'node:crypto';

/** Major pentatonic steps: no semitone clashes, so any sequence of its notes sounds calm. */
const PENTATONIC = [0, 2, 4, 7, 9] as const;
const PEAK = 0.5;

export interface TonePlan {
  /** MIDI note of the key's root (G3 … D4), from the prompt. */
  rootNote: number;
  /** Seconds per note (0.6 … 1.0), from the seed. */
  noteSeconds: number;
  /** Scale degrees (0 … 9, two octaves of the pentatonic), a gentle walk from the seed. */
  degrees: number[];
  /** Stereo position per note, −0.4 (left) … 0.4 (right). */
  pans: number[];
}

/** The melody a clip gets when no track is given: the prompt picks the key, the seed the tune and tempo. */
export function tonePlan(seed: number, prompt: string, seconds: number): TonePlan {
  const key = createHash('sha256').update(`tone-key\u0000${prompt}`).digest();
  const tune = createHash('sha256').update(`tone-tune\u0000${seed}`).digest();
  const byte = (digest: Buffer, index: number) => digest[index % digest.length] ?? 0;
  const noteSeconds = 0.6 + (byte(tune, 0) / 255) * 0.4;
  const count = Math.ceil(seconds / noteSeconds);
  const degrees: number[] = [];
  const pans: number[] = [];
  let degree = 2 + (byte(tune, 1) % 4);
  for (let index = 0; index < count; index += 1) {
    // Steps of −2 … +2 degrees, folded back inside the two octaves.
    degree += (byte(tune, index + 2) % 5) - 2;
    if (degree < 0) degree = -degree;
    if (degree > 9) degree = 18 - degree;
    degrees.push(degree);
    pans.push(((byte(tune, index + 17) / 255) * 2 - 1) * 0.4);
  }
  return { rootNote: 55 + (byte(key, 0) % 8), noteSeconds, degrees, pans };
}

const frequencyOf = (midiNote: number) => 440 * 2 ** ((midiNote - 69) / 12);

/** One period of a sine, looked up with linear interpolation: 20× faster than Math.sin and just as smooth here. */
const TABLE_SIZE = 4096;
const SINE = Float64Array.from({ length: TABLE_SIZE + 1 }, (_, index) => Math.sin((2 * Math.PI * index) / TABLE_SIZE));

/** sin(2π·cycles), for cycles ≥ 0. */
function sine(cycles: number): number {
  const position = (cycles - Math.floor(cycles)) * TABLE_SIZE;
  const index = Math.floor(position);
  const low = SINE[index] ?? 0;
  return low + ((SINE[index + 1] ?? 0) - low) * (position - index);
}

/**
 * The plan as 16-bit stereo PCM, exactly `seconds × sampleRate` frames: soft bell-like notes (a sine and a
 * quiet octave, quick attack, slow decay, each ringing into the next) over a low drone of root and fifth,
 * faded in and out.
 */
export function renderTone(plan: TonePlan, seconds: number, sampleRate: number): Int16Array {
  const frames = Math.round(seconds * sampleRate);
  const left = new Float64Array(frames);
  const right = new Float64Array(frames);
  const root = frequencyOf(plan.rootNote - 12);
  for (let frame = 0; frame < frames; frame += 1) {
    const time = frame / sampleRate;
    const swell = 0.75 + 0.25 * sine(0.2 * time);
    const drone = 0.07 * swell * (sine(root * time) + 0.6 * sine(1.5 * root * time));
    left[frame] = drone;
    right[frame] = drone;
  }
  const noteFrames = Math.round(plan.noteSeconds * sampleRate);
  plan.degrees.forEach((degree, note) => addNote({ left, right }, plan, note, degree, noteFrames, sampleRate));
  const output = new Int16Array(frames * 2);
  const [fadeIn, fadeOut] = [0.3 * sampleRate, 0.6 * sampleRate];
  for (let frame = 0; frame < frames; frame += 1) {
    const fade = Math.min(1, frame / fadeIn, (frames - frame) / fadeOut) * PEAK;
    output[frame * 2] = Math.round(Math.max(-1, Math.min(1, (left[frame] ?? 0) * fade)) * 32767);
    output[frame * 2 + 1] = Math.round(Math.max(-1, Math.min(1, (right[frame] ?? 0) * fade)) * 32767);
  }
  return output;
}

/** One note from its start, for two note lengths (it rings under the next), panned equal-power. */
function addNote(
  channels: { left: Float64Array; right: Float64Array },
  plan: TonePlan,
  note: number,
  degree: number,
  noteFrames: number,
  sampleRate: number,
): void {
  const step = (PENTATONIC[degree % 5] ?? 0) + 12 * Math.floor(degree / 5);
  const frequency = frequencyOf(plan.rootNote + step);
  const pan = plan.pans[note] ?? 0;
  const [leftGain, rightGain] = [Math.sqrt((1 - pan) / 2), Math.sqrt((1 + pan) / 2)];
  const attackFrames = Math.round(0.04 * sampleRate);
  const decayPerFrame = Math.exp(-1 / (noteFrames * 0.55));
  const start = note * noteFrames;
  const end = Math.min(channels.left.length, start + 2 * noteFrames);
  let decay = 1;
  for (let frame = start; frame < end; frame += 1) {
    const sinceStart = frame - start;
    const time = sinceStart / sampleRate;
    const voice = 0.6 * Math.min(1, sinceStart / attackFrames) * decay * (sine(frequency * time) + 0.25 * sine(2 * frequency * time));
    decay *= decayPerFrame;
    channels.left[frame] = (channels.left[frame] ?? 0) + voice * leftGain;
    channels.right[frame] = (channels.right[frame] ?? 0) + voice * rightGain;
  }
}
