import { getAudioTrackByFileName } from '@/db/queries/storage';
import { missing, storageUnavailable } from '@/lib/http';
import { mediaHeaders } from '@/lib/security/headers';
import { isAudioFileName, readAudioFile } from '@/lib/storage/audio-files';

export const dynamic = 'force-dynamic';

const mimeTypes = { wav: 'audio/wav', mp3: 'audio/mpeg' } as const;

/** Sound tracks, public by unguessable name: the Wan service fetches uploads from here, and the form previews them. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const track = isAudioFileName(name) ? await getAudioTrackByFileName({ fileName: name }) : undefined;
  let bytes: Buffer | undefined;
  try {
    bytes = track ? await readAudioFile(track.fileName) : undefined;
  } catch {
    return storageUnavailable();
  }
  if (!track || !bytes) return missing();
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...mediaHeaders,
      'content-type': mimeTypes[track.format],
      'content-length': String(bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
}
