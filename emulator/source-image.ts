import { downloadProblem, fetchLimited, SOURCE_FETCH_TIMEOUT_MS } from './fetch-limited';
import { IMAGE_FORMAT_NAMES, sniffImageFormat, type ImageFormat } from './image-format';
import { pngHasAlpha, readImageSize, type ImageSize } from './image-size';
import { listOf, MODELS, type ImageRules } from './models';

export const INVALID_IMAGE_URL = 'INVALID_IMAGE_URL';

const MB = 1024 * 1024;

export const IMAGE_FAIL_MESSAGES = {
  notImage: (rules: ImageRules) => `Image is not a ${listOf(rules.formats.map((format) => IMAGE_FORMAT_NAMES[format]))}`,
  undecodable: 'Image could not be decoded',
  tooLarge: (rules: ImageRules) => `Image is larger than ${rules.maxBytes / MB} MB`,
  badSides: ({ min, max }: { min: number; max: number }, { width, height }: ImageSize) =>
    `Image must be ${min}–${max} px per side (this one is ${width}×${height})`,
  alpha: 'Image must not have an alpha channel (transparency)',
} as const;

export type SourceImage = { format: ImageFormat; bytes: Buffer } & ImageSize;
export type SourceImageResult = ({ ok: true } & SourceImage) | { ok: false; failMsg: string };

/** Downloads the image-to-video source and checks it against the model's image rules, by its bytes. */
export async function fetchSourceImage(
  url: string,
  rules: ImageRules = MODELS['wan-2-5'].images,
  timeoutMs = SOURCE_FETCH_TIMEOUT_MS,
): Promise<SourceImageResult> {
  const fetched = await fetchLimited(url, rules.maxBytes, timeoutMs);
  if (!fetched.ok) {
    const problem = downloadProblem(fetched.failure);
    return { ok: false, failMsg: problem ? `Image ${problem}` : IMAGE_FAIL_MESSAGES.tooLarge(rules) };
  }
  const { bytes } = fetched;
  const format = sniffImageFormat(bytes);
  if (!format || !rules.formats.includes(format)) return { ok: false, failMsg: IMAGE_FAIL_MESSAGES.notImage(rules) };
  const size = readImageSize(bytes, format);
  if (!size) return { ok: false, failMsg: IMAGE_FAIL_MESSAGES.undecodable };
  const { sides } = rules;
  if (sides && [size.width, size.height].some((side) => side < sides.min || side > sides.max)) {
    return { ok: false, failMsg: IMAGE_FAIL_MESSAGES.badSides(sides, size) };
  }
  if (!rules.alphaAllowed && format === 'png' && pngHasAlpha(bytes)) return { ok: false, failMsg: IMAGE_FAIL_MESSAGES.alpha };
  return { ok: true, format, bytes, ...size };
}
