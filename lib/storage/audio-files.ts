import 'server-only';
import { keptFiles } from './kept-files';

/** Sound tracks for the second model, in data/audio. */
const tracks = keptFiles('audio', ['wav', 'mp3']);

export const isAudioFileName = tracks.isName;
export const writeAudioFile = tracks.write;
export const readAudioFile = tracks.read;
