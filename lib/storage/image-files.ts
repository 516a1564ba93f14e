import 'server-only';
import { keptFiles } from './kept-files';

/** Start frames, in data/images. */
const images = keptFiles('images', ['jpg', 'png', 'webp']);

export const isImageFileName = images.isName;
export const writeImageFile = images.write;
export const readImageFile = images.read;
/** Whether a kept start frame's file is still on disk. */
export const imageFileExists = images.exists;
