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

/**
 * The plan as 16-bit stereo PCM, exactly `seconds × sampleRate` frames: soft bell-like notes (a sine and a
 * quiet octave, quick attack, slow decay) over a low drone of root and fifth, faded in and out.
 */
export function renderTone(plan: TonePlan, seconds: number, sampleRate: number): Int16Array {
  const frames = Math.round(seconds * sampleRate);
  const output = new Int16Array(frames * 2);
  const root = frequencyOf(plan.rootNote - 12);
  const fifth = root * 1.5;
  const noteFrames = Math.round(plan.noteSeconds * sampleRate);
  const attackFrames = Math.round(0.04 * sampleRate);
  const [fadeIn, fadeOut] = [0.3 * sampleRate, 0.6 * sampleRate];
  for (let frame = 0; frame < frames; frame += 1) {
    const time = frame / sampleRate;
    const swell = 0.75 + 0.25 * Math.sin(2 * Math.PI * 0.2 * time);
    const drone = 0.07 * swell * (Math.sin(2 * Math.PI * root * time) + 0.6 * Math.sin(2 * Math.PI * fifth * time));
    let [left, right] = [drone, drone];
    // The sounding note and the tail of the one before it.
    const current = Math.floor(frame / noteFrames);
    for (let note = Math.max(0, current - 1); note <= current && note < plan.degrees.length; note += 1) {
      const sinceStart = frame - note * noteFrames;
      const voice = noteSample(plan, note, sinceStart, sampleRate, attackFrames, noteFrames);
      const pan = plan.pans[note] ?? 0;
      left += voice * Math.sqrt((1 - pan) / 2);
      right += voice * Math.sqrt((1 + pan) / 2);
    }
    const fade = Math.min(1, frame / fadeIn, (frames - frame) / fadeOut);
    output[frame * 2] = Math.round(Math.max(-1, Math.min(1, left * fade * PEAK)) * 32767);
    output[frame * 2 + 1] = Math.round(Math.max(-1, Math.min(1, right * fade * PEAK)) * 32767);
  }
  return output;
}

function noteSample(plan: TonePlan, note: number, sinceStart: number, sampleRate: number, attackFrames: number, noteFrames: number): number {
  const degree = plan.degrees[note] ?? 0;
  const step = (PENTATONIC[degree % 5] ?? 0) + 12 * Math.floor(degree / 5);
  const frequency = frequencyOf(plan.rootNote + step);
  const time = sinceStart / sampleRate;
  const envelope = Math.min(1, sinceStart / attackFrames) * Math.exp(-sinceStart / (noteFrames * 0.55));
  return 0.6 * envelope * (Math.sin(2 * Math.PI * frequency * time) + 0.25 * Math.sin(4 * Math.PI * frequency * time));
}
