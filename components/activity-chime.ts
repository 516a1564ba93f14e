'use client';

// A short, soft chime made with the Web Audio API (no file to load): two rising notes for a clip, one low for a failure.

let context: AudioContext | undefined;

export function playChime(kind: 'done' | 'failed'): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const audio = context;
  void audio.resume().catch(() => undefined);
  const notes = kind === 'done' ? [659.25, 987.77] : [293.66];
  notes.forEach((frequency, index) => {
    const start = audio.currentTime + index * 0.12;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.12, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.45);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.5);
  });
}
