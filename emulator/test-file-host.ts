import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostedFile {
  type: string;
  body: Buffer;
  /** false: streamed with no Content-Length, so only counting the bytes can find it too large. */
  declareLength?: boolean;
}

export interface FileHost {
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** A loopback HTTP server of fixed files for tests: each path answers its file, `silentPath` never answers, any other is a 404. */
export async function startFileHost(files: ReadonlyMap<string, HostedFile>, silentPath: string): Promise<FileHost> {
  const server: Server = createServer((req, res) => {
    if (req.url === silentPath) return;
    const file = files.get(req.url ?? '');
    if (!file) {
      res.writeHead(404).end('not here');
      return;
    }
    const length = file.declareLength === false ? {} : { 'Content-Length': file.body.length };
    res.writeHead(200, { 'Content-Type': file.type, ...length }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
