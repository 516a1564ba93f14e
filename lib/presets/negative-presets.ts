// The negative prompts every team starts with: one click appends their terms to the negative prompt.

export type NegativePreset = { name: string; negativePrompt: string };

export const builtInNegativePresets: NegativePreset[] = [
  { name: 'Low quality', negativePrompt: 'low quality, blurry, shaky, distorted' },
  { name: 'Blur & jitter', negativePrompt: 'motion blur, jitter, flicker, camera shake' },
  { name: 'Artifacts', negativePrompt: 'compression artifacts, noise, watermark, text, logo' },
  { name: 'Anatomy', negativePrompt: 'deformed hands, extra fingers, distorted face, bad anatomy' },
  { name: 'Exposure', negativePrompt: 'overexposed, underexposed, oversaturated, washed out' },
];
