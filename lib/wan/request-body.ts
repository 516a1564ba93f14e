import { models } from '@/lib/generation/models';
import type { AspectRatio, ConcreteGenerationRequest, Resolution } from '@/lib/generation/schema';

/** The wire body of POST /generateTask/<model>, snake_case as the contract names it (the model is in the path). */
export type WanCreateBody = {
  request_type: 'async' | 'callback';
  callback_url?: string;
  provider: 'auto' | 'value' | 'official';
  input: {
    mode: 'text-to-video' | 'image-to-video';
    /** Left out when empty: image-to-video on the second model may follow its image alone. */
    prompt?: string;
    negative_prompt?: string;
    image_urls?: string[];
    /** Second model only: one wav or mp3 track the clip's sound follows. */
    audio_urls?: string[];
    resolution: Resolution;
    duration: 5 | 10;
    aspect_ratio?: AspectRatio;
    seed: number;
    enable_prompt_expansion: boolean;
  };
};

export function toWanCreateBody(request: ConcreteGenerationRequest, callbackUrl?: string): WanCreateBody {
  const textToVideo = request.mode === 'text-to-video';
  return {
    request_type: callbackUrl ? 'callback' : 'async',
    ...(callbackUrl ? { callback_url: callbackUrl } : {}),
    provider: request.provider,
    input: {
      mode: request.mode,
      ...(request.prompt ? { prompt: request.prompt } : {}),
      ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
      ...(textToVideo ? {} : { image_urls: request.imageUrls }),
      ...(request.audioUrls?.length && models[request.model].audio ? { audio_urls: request.audioUrls } : {}),
      resolution: request.resolution,
      duration: request.duration,
      // Image-to-video follows the image's aspect ratio.
      ...(textToVideo ? { aspect_ratio: request.aspectRatio } : {}),
      seed: request.seed,
      enable_prompt_expansion: request.enablePromptExpansion,
    },
  };
}
