import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** The ffmpeg binary the studio ships with (@ffmpeg-installer), for tests that make or read real files. */
export const ffmpegPath = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

/** A real H.264 + AAC MP4 of one second at `file` (320×180, a test pattern and a 440 Hz tone). */
export function writeRealMp4(file: string): string {
  execFileSync(ffmpegPath, [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=s=320x180:r=24:d=1', '-f', 'lavfi', '-i', 'sine=f=440:d=1'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-f', 'mp4', '-y', file],
  ]);
  return file;
}
