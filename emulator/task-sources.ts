import { createHash } from 'node:crypto';
import { measureAudioSeconds } from './audio-length';
import { AUDIO_EXTENSIONS } from './audio-format';
import { IMAGE_EXTENSIONS } from './image-format';
import { MODELS, type ModelId } from './models';
import { frameAspectFor } from './scene';
import { AUDIO_FAIL_MESSAGES, audioLengthProblem, fetchSourceAudio, INVALID_AUDIO_URL } from './source-audio';
import type { SourceFileStore } from './source-file-store';
import { fetchSourceImage, INVALID_IMAGE_URL } from './source-image';
import type { SavedAudio, SavedSource, TaskJournal } from './task-journal';
import { exists } from './video-cache';
import type { TaskInput } from './create-task-schema';

export interface TaskFailure {
  failCode: string;
  failMsg: string;
}

export const GENERATION_FAILED: TaskFailure = { failCode: 'GENERATION_FAILED', failMsg: 'Video generation failed' };

/** A task's downloaded sources, as kept on disk and in the journal. */
export interface TaskSources {
  image?: SavedSource;
  audio?: SavedAudio;
}

export interface SourceKeeperOptions {
  images: SourceFileStore;
  audio: SourceFileStore;
  journal: TaskJournal;
}

/**
 * Fetches, checks and keeps what a task's input links to (its start image, its sound track), once: a resumed
 * task reuses what an earlier run kept. A source the model refuses is the task's failure.
 */
export function createSourceKeeper({ images, audio, journal }: SourceKeeperOptions) {
  async function keepImage(taskId: string, model: ModelId, url: string, resolution: TaskInput['resolution']): Promise<SavedSource | TaskFailure> {
    const rules = MODELS[model].images;
    const image = await fetchSourceImage(url, rules);
    if (!image.ok) return { failCode: INVALID_IMAGE_URL, failMsg: image.failMsg };
    const path = await images.save(taskId, IMAGE_EXTENSIONS[image.format], image.bytes);
    const aspectRatio = frameAspectFor(image.width, image.height, MODELS[model].aspectRatiosAt[resolution]);
    const source: SavedSource = { path, format: image.format, sha256: sha256(image.bytes), aspectRatio };
    journal.source(taskId, source);
    return source;
  }

  async function keepAudio(taskId: string, model: ModelId, url: string): Promise<SavedAudio | TaskFailure> {
    const rules = MODELS[model].audio;
    if (!rules) throw new Error(`${model} takes no audio`);
    const track = await fetchSourceAudio(url, rules);
    if (!track.ok) return { failCode: INVALID_AUDIO_URL, failMsg: track.failMsg };
    const path = await audio.save(taskId, AUDIO_EXTENSIONS[track.format], track.bytes);
    const seconds = await measureAudioSeconds(path, track.format);
    const problem = audioLengthProblem(rules, seconds);
    if (problem !== undefined || seconds === undefined) return { failCode: INVALID_AUDIO_URL, failMsg: problem ?? AUDIO_FAIL_MESSAGES.undecodable };
    const saved: SavedAudio = { path, format: track.format, sha256: sha256(track.bytes), seconds };
    journal.audio(taskId, saved);
    return saved;
  }

  async function reuse<T extends { path: string }>(saved: T | undefined): Promise<T | undefined> {
    return saved && (await exists(saved.path)) ? saved : undefined;
  }

  return {
    async prepare(taskId: string, model: ModelId, input: TaskInput, saved: TaskSources = {}): Promise<TaskSources | TaskFailure> {
      const sources: TaskSources = {};
      const imageUrl = input.mode === 'image-to-video' ? input.image_urls?.[0] : undefined;
      const audioUrl = MODELS[model].audio ? input.audio_urls?.[0] : undefined;
      try {
        if (imageUrl !== undefined) {
          const image = (await reuse(saved.image)) ?? (await keepImage(taskId, model, imageUrl, input.resolution));
          if ('failCode' in image) return image;
          sources.image = image;
        }
        if (audioUrl !== undefined) {
          const track = (await reuse(saved.audio)) ?? (await keepAudio(taskId, model, audioUrl));
          if ('failCode' in track) return track;
          sources.audio = track;
        }
      } catch (error) {
        console.error(`[emulator] could not keep the sources of ${taskId}:`, error);
        return GENERATION_FAILED;
      }
      return sources;
    },
  };
}

export type SourceKeeper = ReturnType<typeof createSourceKeeper>;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
